import Testing
@testable import CentralCore
import SyncCore

/// Sell-outs, pass rates, hours and clocks: the checks on how the market works rather than on the arithmetic.
@Suite("Supervision: sell-out, pass rate, hours and clocks")
struct ActivityCheckTests {
    typealias S = SupervisionSamples

    @Test func aBatchSoldOutInThreeSalesWithinMinutesIsFound() {
        let t = S.at(0)
        let batch = S.batch("B1", received: 100, at: t, sales: [(40, t + S.minute), (30, t + 3 * S.minute), (30, t + 6 * S.minute)])
        let findings = S.findings(FastSellOutCheck.self, SupervisionHistory(batches: [batch]))
        #expect(findings.map(\.subject.id) == ["B1"])
        #expect(findings.first?.value("minutes") == "6")
        #expect(findings.first?.value("sales") == "3")
    }

    @Test func oneBuyerTakingTheBatchOrADaysTradeIsClean() {
        let t = S.at(0)
        let whole = S.batch("B1", received: 100, at: t, sales: [(100, t + S.minute)])
        let slow = S.batch("B2", received: 100, at: t, sales: [(40, t + S.hour), (30, t + 2 * S.hour), (30, t + 3 * S.hour)])
        let partly = S.batch("B3", received: 100, at: t, sales: [(10, t + S.minute), (10, t + 2 * S.minute), (10, t + 3 * S.minute)])
        #expect(S.findings(FastSellOutCheck.self, SupervisionHistory(batches: [whole, slow, partly])).isEmpty)
    }

    static func tests(_ node: String, days: Range<Int>, perDay: Int, failedPerDay: Int = 0) -> [TestDay] {
        days.map { TestDay(node: node, day: BusinessTime.dayOf(S.at($0)), tests: perDay, passed: perDay - failedPerDay) }
    }

    @Test func aMarketPassingEveryOneOfManyTestsForDaysIsOneFinding() {
        let findings = S.findings(PerfectPassRateCheck.self, SupervisionHistory(testDays: Self.tests(S.node, days: 0..<10, perDay: 50)))
        // 300 tests are reached on day 5 (six days of 50); the streak runs to day 9.
        #expect(findings.count == 1)
        #expect(findings.first?.subject == FindingSubject(.marketDay, "\(S.node) 2026-11-07"))
        #expect(findings.first?.value("last_day") == "2026-11-11")
        #expect(findings.first?.value("tests") == "350")
    }

    @Test func aMarketWithFailuresOrFewTestsIsClean() {
        let failing = Self.tests(S.node, days: 0..<10, perDay: 50, failedPerDay: 1)
        let few = Self.tests(S.otherNode, days: 0..<10, perDay: 20)
        #expect(S.findings(PerfectPassRateCheck.self, SupervisionHistory(testDays: failing + few)).isEmpty)
    }

    /// Thirty days of a market trading 06:00–09:59, ten events an hour.
    static let usualHours = (0..<30).flatMap { day in
        (6...9).map { EntryHour(node: S.node, day: BusinessTime.dayOf(S.at(day)), hour: $0, count: 10) }
    }

    @Test func eventsAtAnHourTheNodeNeverWorksAreFound() {
        let today = BusinessTime.dayOf(S.at(30))
        let history = SupervisionHistory(entryHours: Self.usualHours + [
            EntryHour(node: S.node, day: today, hour: 3, count: 2), EntryHour(node: S.node, day: today, hour: 7, count: 20),
        ])
        let findings = S.findings(OddHourCheck.self, history)
        #expect(findings.map(\.subject.id) == ["\(S.node) \(today)"])
        #expect(findings.first?.value("odd_hours") == "03:00×2")
        #expect(findings.first?.value("usual_hours") == "06:00 07:00 08:00 09:00")
    }

    @Test func aDayAtTheUsualHoursOrWithoutHistoryIsClean() {
        let today = BusinessTime.dayOf(S.at(30))
        let usual = SupervisionHistory(entryHours: Self.usualHours + [EntryHour(node: S.node, day: today, hour: 8, count: 30)])
        #expect(S.findings(OddHourCheck.self, usual).isEmpty)
        // Another node's history says nothing of this one's hours.
        let stranger = SupervisionHistory(entryHours: Self.usualHours + [EntryHour(node: S.otherNode, day: today, hour: 3, count: 2)])
        #expect(S.findings(OddHourCheck.self, stranger).isEmpty)
    }

    @Test func aClockAheadOfTheServerIsFoundOncePerDayWithTheWorstLead() {
        let t = S.at(0)
        let samples = [
            ClockSample(device: "D1", node: S.node, deviceTime: t + 10 * S.minute, receivedAt: t),
            ClockSample(device: "D1", node: S.node, deviceTime: t + S.hour + 25 * S.minute, receivedAt: t + S.hour),
            ClockSample(device: "D2", node: S.node, deviceTime: t + 2 * S.minute, receivedAt: t),
            ClockSample(device: "D3", node: S.node, deviceTime: t - 3 * S.hour, receivedAt: t),
        ]
        let findings = S.findings(ClockDriftCheck.self, SupervisionHistory(clockSamples: samples))
        #expect(findings.map(\.subject) == [FindingSubject(.device, "D1")])
        #expect(findings.first?.value("ahead_minutes") == "25")
        #expect(findings.first?.value("pushes") == "2")
    }
}
