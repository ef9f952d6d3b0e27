import Testing
@testable import CentralCore
import SyncCore

/// Receipt quantities against the operator's own history: z-score, modified z-score and min–max.
@Suite("Supervision: quantity outliers")
struct QuantityOutlierCheckTests {
    typealias S = SupervisionSamples

    /// Twelve ordinary receipts, one a day from day 0: 95 to 106 kg in no order.
    static let ordinary = [95, 106, 100, 97, 103, 99, 101, 98, 104, 96, 102, 105].enumerated().map {
        S.batch("H\($0.offset)", received: Double($0.element), at: S.at($0.offset))
    }

    /// The settings with min–max turned on.
    static var minMax: SupervisionSettings {
        var settings = SupervisionSettings()
        try? settings.set("quantity_outlier.min_max", to: 1)
        return settings
    }

    @Test func theScoresAreTheTextbookOnes() {
        let scores = OutlierScores(value: 10, history: [1, 2, 3, 4, 5])
        #expect(scores.mean == 3)
        #expect(abs(scores.standardDeviation - 2.5.squareRoot()) < 1e-9)
        #expect(abs(scores.z - 7 / 2.5.squareRoot()) < 1e-9)
        #expect(scores.median == 3)
        #expect(scores.mad == 1)
        #expect(abs(scores.modifiedZ - 0.6745 * 7) < 1e-9)
    }

    @Test func aHistoryWithoutSpreadMakesAnyOtherValueInfinitelyFar() {
        let scores = OutlierScores(value: 500, history: Array(repeating: 100, count: 10))
        #expect(scores.z == .infinity)
        #expect(scores.modifiedZ == .infinity)
        #expect(OutlierScores(value: 100, history: Array(repeating: 100, count: 10)).z == 0)
    }

    @Test func aReceiptFourTimesTheUsualIsAWarningByBothZScores() {
        let history = SupervisionHistory(batches: Self.ordinary + [S.batch("X", received: 400, at: S.at(12))])
        let findings = S.findings(QuantityOutlierCheck.self, history)
        #expect(findings.map(\.subject.id) == ["X"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.value("methods") == "z, modified_z")
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: Self.minMax).first?.value("methods") == "z, modified_z, min_max")
        #expect(findings.first?.value("points") == "12")
        #expect(findings.first?.value("median") == "100.5")
    }

    @Test func aValueJustPastTheMaximumIsOnlyInfoByMinMaxWhenThatIsOn() {
        let history = SupervisionHistory(batches: Self.ordinary + [S.batch("X", received: 107, at: S.at(12))])
        let findings = S.findings(QuantityOutlierCheck.self, history, settings: Self.minMax)
        #expect(findings.map(\.subject.id) == ["X"])
        #expect(findings.map(\.severity) == [.info])
        #expect(findings.first?.value("methods") == "min_max")
        #expect(findings.first?.value("min_max") == "95–106")
        #expect(S.findings(QuantityOutlierCheck.self, history).isEmpty)
    }

    @Test func anOrdinaryValueIsClean() {
        let history = SupervisionHistory(batches: Self.ordinary + [S.batch("X", received: 101, at: S.at(12))])
        #expect(S.findings(QuantityOutlierCheck.self, history).isEmpty)
    }

    @Test func tooShortAHistoryJudgesNothing() {
        let history = SupervisionHistory(batches: Array(Self.ordinary.prefix(9)) + [S.batch("X", received: 400, at: S.at(12))])
        #expect(S.findings(QuantityOutlierCheck.self, history).isEmpty)
    }

    @Test func onlyTheWindowBeforeTheReceiptCounts() {
        // The history lies 40 days back: outside the 30-day window.
        let old = (0..<12).map { S.batch("H\($0)", received: Double(95 + $0), at: S.at($0 - 40)) }
        #expect(S.findings(QuantityOutlierCheck.self, SupervisionHistory(batches: old + [S.batch("X", received: 400, at: S.at(0))])).isEmpty)
    }

    @Test func anotherOperatorsHistoryIsNotCompared() {
        let theirs = Self.ordinary.map { S.batch($0.code, received: 100, at: $0.receivedAt, operatorId: "OP-46010001-003") }
        #expect(S.findings(QuantityOutlierCheck.self, SupervisionHistory(batches: theirs + [S.batch("X", received: 400, at: S.at(12))])).isEmpty)
    }

    @Test func theThresholdsAreTunable() {
        let history = SupervisionHistory(batches: Self.ordinary + [S.batch("X", received: 115, at: S.at(12))])
        #expect(S.findings(QuantityOutlierCheck.self, history).first?.value("methods") == "z")
        var settings = SupervisionSettings()
        try? settings.set("quantity_outlier.z", to: 5)
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: settings).isEmpty)
    }
}
