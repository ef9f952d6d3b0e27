import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A month of two wholesale markets (`MarketMonth`) pushed through `CentralStore.push` by six devices, the checks
/// run after each business day as the service runs them (`runPendingChecks`), with the documented defaults.
///
/// With anomalies of every check planted, each is found by its check on its subject; on the same month without
/// them, the checks find at most 1 finding per 1,000 merged entries (what the defaults give on seed 202610: see
/// the README's supervision section), and the runs after each day find exactly what one run over everything finds.
@Suite("Supervision: a simulated month with planted anomalies")
struct SimulatedMonthTests {
    static let seed: UInt64 = 202_610
    /// The false findings the clean month may give, per 1,000 merged entries.
    static let falseFindingsPerThousandEntries = 1.0

    /// What a month did.
    struct Month: Sendable {
        let plants: [MarketMonth.Plant]
        /// What the runs after each day stored.
        let findings: [Finding]
        /// What one run over everything finds.
        let fullRun: [Finding]
        let entries: Int
        let operatorDays: Int
        let pushSeconds: Double
        let checkSeconds: Double
    }

    static func simulate(planted: Bool) throws -> Month {
        try withTemporaryDirectory { directory in
            let store = try CentralStore(path: directory.appendingPathComponent("central.sqlite").path)
            var month = MarketMonth(seed: seed, planted: planted)
            store.clock = { MarketMonth.day0 }
            for (code, name) in [(MarketMonth.wholesale, "海口市南北水果批发市场"), (MarketMonth.second, "海口市龙昆农贸市场")] {
                try store.addNode(Node(code: code, name: name, nameEn: "Haikou market \(code)", kind: "wholesale_market",
                                       region: "460106"))
            }
            for registered in month.operators { try store.upsert(registered) }
            try month.enroll(store)
            var entries = 0, pushSeconds = 0.0, checkSeconds = 0.0
            for day in 0..<MarketMonth.days {
                let start = Date()
                entries += try month.push(day: day, into: store) { now in store.clock = { now } }.entries
                pushSeconds += Date().timeIntervalSince(start)
                let end = MarketMonth.at(day, 23, 59)
                store.clock = { end }
                let checks = Date()
                try store.runPendingChecks()
                checkSeconds += Date().timeIntervalSince(checks)
            }
            let everything = try store.supervisionHistory(CentralStore.SupervisionScope(
                nodes: nil, readFrom: .min, judgedFrom: .min, afterLogSeq: 0))
            return Month(
                plants: month.plants, findings: try store.findings().map(\.finding),
                fullRun: SupervisionChecks(settings: try store.supervisionSettings()).findings(in: everything),
                entries: entries, operatorDays: month.traders.count * MarketMonth.days,
                pushSeconds: pushSeconds, checkSeconds: checkSeconds
            )
        }
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.check) \($0.subject.id) \($0.day): \($0.summary.en)" }.joined(separator: "\n")
    }

    // The months are pushed and checked on threads of their own: seconds of work each, which on the cooperative
    // pool would hold up the live-server tests running beside them.
    @Test func everyPlantedAnomalyIsFoundByItsCheckOnItsSubject() async throws {
        let month = try await OwnThread.run { try Self.simulate(planted: true) }
        #expect(Set(month.plants.map(\.check)) == Set(SupervisionChecks.ids), "a plant for every check")
        for plant in month.plants {
            #expect(month.findings.contains(where: plant.matches), "not found: \(plant)")
        }
        let unplanted = month.findings.filter { finding in !month.plants.contains { $0.matches(finding) } }
        print("planted month: \(month.entries) entries, \(month.findings.count) findings, \(unplanted.count) not planted; "
              + "push \(String(format: "%.1f", month.pushSeconds)) s, checks \(String(format: "%.1f", month.checkSeconds)) s\n"
              + Self.describe(unplanted))
        #expect(Set(month.findings.map(\.key)) == Set(month.fullRun.map(\.key)),
                "the runs after each day find what one run over everything finds")
    }

    @Test func theCleanMonthGivesAtMostOneFalseFindingPerThousandEntries() async throws {
        let month = try await OwnThread.run { try Self.simulate(planted: false) }
        #expect(month.plants.isEmpty)
        let rate = Double(month.findings.count) * 1_000 / Double(month.entries)
        print("clean month: \(month.entries) entries, \(month.operatorDays) operator-days, \(month.findings.count) findings "
              + "(\(String(format: "%.2f", rate)) per 1,000 entries); push \(String(format: "%.1f", month.pushSeconds)) s, "
              + "checks \(String(format: "%.1f", month.checkSeconds)) s\n" + Self.describe(month.findings))
        #expect(month.entries > 10_000, "a month of two wholesale markets")
        #expect(rate <= Self.falseFindingsPerThousandEntries, "\(Self.describe(month.findings))")
        #expect(Set(month.findings.map(\.key)) == Set(month.fullRun.map(\.key)),
                "the runs after each day find what one run over everything finds")
    }
}
