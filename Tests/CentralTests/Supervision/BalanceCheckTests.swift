import Testing
@testable import CentralCore
import SyncCore

/// Mass balance: per batch and per operator and day, sold + disposed ≤ received.
@Suite("Supervision: mass balance")
struct BalanceCheckTests {
    typealias S = SupervisionSamples

    @Test func aBatchSoldAndDisposedBeyondItsReceiptIsFoundOnTheDayItWentOver() {
        let batch = S.batch("B1", received: 100, at: S.at(0),
                            sales: [(60, S.at(0, hours: 7)), (30, S.at(0, hours: 8))], disposals: [(20, S.at(1, hours: 9))])
        let findings = S.findings(BatchBalanceCheck.self, SupervisionHistory(batches: [batch]))
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .high)
        #expect(findings.first?.subject == FindingSubject(.batch, "B1"))
        #expect(findings.first?.day == "2026-11-03")
        #expect(findings.first?.value("excess") == "10 kg")
        #expect(findings.first?.value("sold") == "90 kg")
        #expect(findings.first?.operatorId == S.zhang)
    }

    @Test func aBatchSoldToTheGramIsClean() {
        let batch = S.batch("B1", received: 100, at: S.at(0), sales: [(99.5, S.at(0, hours: 7)), (0.5, S.at(0, hours: 8))])
        #expect(S.findings(BatchBalanceCheck.self, SupervisionHistory(batches: [batch])).isEmpty)
    }

    @Test func theSameHistoryGivesTheSameKeys() {
        let batch = S.batch("B1", received: 10, at: S.at(0), sales: [(11, S.at(0, hours: 7))])
        let history = SupervisionHistory(batches: [batch])
        #expect(S.findings(BatchBalanceCheck.self, history).map(\.key) == S.findings(BatchBalanceCheck.self, history).map(\.key))
    }

    @Test func anOperatorSellingOnADayBeforeItsReceiptIsFoundForThatDay() {
        // The batch balances, but its sale is dated the day before its goods arrived.
        let batch = S.batch("B1", received: 100, at: S.at(2), sales: [(50, S.at(1, hours: 10)), (50, S.at(2, hours: 10))])
        let findings = S.findings(OperatorDayBalanceCheck.self, SupervisionHistory(batches: [batch]))
        #expect(findings.map(\.day) == ["2026-11-03"])
        #expect(findings.first?.subject == FindingSubject(.operator, S.zhang))
        #expect(findings.first?.value("balance") == "-50 kg")
        #expect(findings.first?.value("carried_in") == "0 kg")
        #expect(S.findings(BatchBalanceCheck.self, SupervisionHistory(batches: [batch])).isEmpty)
    }

    @Test func stockCarriedInCoversTheNextDaysSales() {
        let monday = S.batch("B1", received: 100, at: S.at(0), sales: [(30, S.at(0, hours: 9))])
        let tuesday = S.batch("B2", received: 20, at: S.at(1), sales: [(20, S.at(1, hours: 8))], disposals: [(70, S.at(1, hours: 9))])
        #expect(S.findings(OperatorDayBalanceCheck.self, SupervisionHistory(batches: [monday, tuesday])).isEmpty)
    }

    @Test func operatorsAreBalancedApart() {
        let mine = S.batch("B1", received: 100, at: S.at(0))
        let theirs = S.batch("B2", received: 10, at: S.at(0), operatorId: "OP-46010001-003", sales: [(40, S.at(0, hours: 9))])
        let findings = S.findings(OperatorDayBalanceCheck.self, SupervisionHistory(batches: [mine, theirs]))
        #expect(findings.map(\.operatorId) == ["OP-46010001-003"])
    }

    @Test func daysBeforeTheJudgedSpanAreOnlyHistory() {
        let batch = S.batch("B1", received: 10, at: S.at(0), sales: [(11, S.at(0, hours: 7))])
        let history = SupervisionHistory(batches: [batch], judgedFrom: S.at(1, hours: 0))
        #expect(SupervisionChecks().findings(in: history).isEmpty)
    }
}
