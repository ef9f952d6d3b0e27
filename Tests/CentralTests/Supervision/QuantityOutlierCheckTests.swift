import Testing
@testable import CentralCore
import SyncCore
import TestSupport

/// Receipt quantities against the operator's own history: z-score, modified z-score and min–max, reported only
/// when the receipt is also at least twice or at most half the history's median (`minimum_ratio`).
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

    /// The methods alone, as DHIS2 applies them: `minimum_ratio` 1, so any receipt a method trips on is a finding.
    static func methodsOnly(minMax: Bool = false) -> SupervisionSettings {
        var settings = minMax ? Self.minMax : SupervisionSettings()
        try? settings.set("quantity_outlier.minimum_ratio", to: 1)
        return settings
    }

    /// Ten receipts of a trader whose deliveries are about 485 kg, one a day from day 0, in no order.
    static let tight = [483, 455, 512, 470, 498, 440, 525, 461, 506, 490].enumerated().map {
        S.batch("T\($0.offset)", received: Double($0.element), at: S.at($0.offset))
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

    @Test func theMADOfAnEvenHistoryIsTheMeanOfItsTwoMiddleDeviations() {
        // Median 3; deviations 2, 1, 1, 5, sorted 1, 1, 2, 5: MAD (1 + 2) / 2.
        let scores = OutlierScores(value: 3, history: [8, 1, 4, 2])
        #expect(scores.median == 3)
        #expect(scores.mad == 1.5)
        #expect(OutlierScores(value: 0, history: [7, 7, 1, 9, 7, 30]).mad == 1)
    }

    /// Judging every receipt at once (the window sliding along the history) finds what judging each receipt on its
    /// own (its window read afresh) finds, on sixty receipts with outliers among them and gaps past the window.
    @Test func theSlidingWindowJudgesEachReceiptAsItsOwnWindowWould() {
        var random = SeededGenerator(seed: 18)
        let batches = (0..<60).map { index -> BatchMovements in
            let day = index < 30 ? index : index + 25
            let value = index % 9 == 8 ? 900 : Double(Int.random(in: 80...120, using: &random))
            return S.batch("Q\(index)", received: value, at: S.at(day, hours: Double(index % 4) + 2))
        }
        let settings = Self.methodsOnly()
        let together = S.findings(QuantityOutlierCheck.self, SupervisionHistory(batches: batches), settings: settings)
        let alone = batches.flatMap {
            S.findings(QuantityOutlierCheck.self, SupervisionHistory(batches: batches, judgedReceipts: [$0.code]), settings: settings)
        }
        #expect(together.count >= 4)
        #expect(together == alone)
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
        let findings = S.findings(QuantityOutlierCheck.self, history, settings: Self.methodsOnly(minMax: true))
        #expect(findings.map(\.subject.id) == ["X"])
        #expect(findings.map(\.severity) == [.info])
        #expect(findings.first?.value("methods") == "min_max")
        #expect(findings.first?.value("min_max") == "95–106")
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: Self.methodsOnly()).isEmpty)
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: Self.minMax).isEmpty, "1.06 times the median")
    }

    /// Like the clean simulated month's misfires (294 kg against a median of 483): on a short, tight history, 294 kg
    /// trips both z-scores (z ≈ −7 against a median of 486.5), yet a 40% smaller delivery is not a material
    /// difference, so by default it is no finding.
    @Test func aFortyPercentSmallerDeliveryOnAShortTightHistoryIsNotAFinding() {
        let history = SupervisionHistory(batches: Self.tight + [S.batch("X", received: 294, at: S.at(10))])
        let tripped = S.findings(QuantityOutlierCheck.self, history, settings: Self.methodsOnly())
        #expect(tripped.first?.value("methods") == "z, modified_z", "both methods trip on it")
        #expect(tripped.first?.value("ratio") == "0.6")
        #expect(S.findings(QuantityOutlierCheck.self, history).isEmpty)
    }

    /// Crates of one size make a history without spread: any other quantity is infinitely far by both scores, but the
    /// next crate size is not a finding.
    @Test func aHistoryOfOneCrateSizeDoesNotMakeTheNextSizeAFinding() {
        let crates = (0..<10).map { S.batch("C\($0)", received: 500, at: S.at($0)) }
        let history = SupervisionHistory(batches: crates + [S.batch("X", received: 525, at: S.at(10))])
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: Self.methodsOnly()).first?.value("z") == "∞")
        #expect(S.findings(QuantityOutlierCheck.self, history).isEmpty)
        let doubled = SupervisionHistory(batches: crates + [S.batch("X", received: 1_000, at: S.at(10))])
        #expect(S.findings(QuantityOutlierCheck.self, doubled).map(\.subject.id) == ["X"])
    }

    /// Half the usual or less, or several times it, is still a warning on the same short history.
    @Test func aReceiptHalfOrEightTimesTheUsualIsStillAFinding() {
        for (value, ratio) in [(230.0, "0.47"), (3_900, "8.02")] {
            let history = SupervisionHistory(batches: Self.tight + [S.batch("X", received: value, at: S.at(10))])
            let findings = S.findings(QuantityOutlierCheck.self, history)
            #expect(findings.map(\.subject.id) == ["X"], "\(value) kg")
            #expect(findings.first?.severity == .warning)
            #expect(findings.first?.value("methods") == "z, modified_z")
            #expect(findings.first?.value("ratio") == ratio)
        }
    }

    /// A doubling is not a finding for a trader whose receipts vary that much anyway: no score trips.
    @Test func aDoublingIsNotAFindingWhereTheReceiptsVaryThatMuch() {
        let varied = [120, 480, 260, 610, 300, 150, 540, 330, 210, 420].enumerated().map {
            S.batch("V\($0.offset)", received: Double($0.element), at: S.at($0.offset))
        }
        let history = SupervisionHistory(batches: varied + [S.batch("X", received: 650, at: S.at(10))])
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
        var settings = Self.methodsOnly()
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: settings).first?.value("methods") == "z")
        try? settings.set("quantity_outlier.z", to: 5)
        #expect(S.findings(QuantityOutlierCheck.self, history, settings: settings).isEmpty)
        let halved = SupervisionHistory(batches: Self.ordinary + [S.batch("X", received: 60, at: S.at(12))])
        #expect(S.findings(QuantityOutlierCheck.self, halved).isEmpty, "0.6 times the median")
        var stricter = SupervisionSettings()
        try? stricter.set("quantity_outlier.minimum_ratio", to: 1.5)
        #expect(S.findings(QuantityOutlierCheck.self, halved, settings: stricter).map(\.subject.id) == ["X"])
    }
}
