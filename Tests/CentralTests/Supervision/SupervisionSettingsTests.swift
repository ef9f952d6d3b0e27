import Testing
@testable import CentralCore
import SyncCore

/// The checks' settings: documented defaults, tuning by name, turning a check off, and no name that silently reads 0.
@Suite("Supervision: settings")
struct SupervisionSettingsTests {
    @Test func theDefaultsAreTheDocumentedOnes() {
        let settings = SupervisionSettings()
        #expect(settings[.quantityOutlierZ] == 3)
        #expect(settings[.quantityOutlierModifiedZ] == 3.5)
        #expect(settings[.quantityOutlierWindowDays] == 30)
        #expect(settings[.quantityOutlierMinimumPoints] == 10)
        #expect(settings[.quantityOutlierMinimumRatio] == 2)
        #expect(SupervisionChecks().checks.count == SupervisionChecks.all.count)
    }

    /// Each check, built with no setting changed, holds the documented default of every threshold it reads (a check
    /// reading a misspelt name used to get 0 here); and a value set by the name the CLI takes reaches the check.
    @Test func everyCheckReadsTheThresholdsTheCommandLineSets() throws {
        let defaults = SupervisionSettings()
        let outlier = QuantityOutlierCheck(settings: defaults)
        #expect([outlier.zThreshold, outlier.modifiedZThreshold] == [3, 3.5] && !outlier.minMax)
        #expect(outlier.window == 30 * 86_400_000 && outlier.minimumPoints == 10 && outlier.minimumRatio == 2)
        #expect(CertificateUseCheck(settings: defaults).validity == 7 * 86_400_000)
        let sellOut = FastSellOutCheck(settings: defaults)
        #expect(sellOut.within == 10 * 60_000 && sellOut.minimumSales == 3)
        let passRate = PerfectPassRateCheck(settings: defaults)
        #expect(passRate.windowDays == 7 && passRate.minimumTests == 300)
        let hours = OddHourCheck(settings: defaults)
        #expect(hours.windowDays == 30 && hours.minimumHistory == 200 && hours.rareShare == 0.01)
        #expect(ClockDriftCheck(settings: defaults).tolerance == 5 * 60_000)

        var tuned = SupervisionSettings()
        for threshold in SupervisionThreshold.allCases { try tuned.set(threshold.rawValue, to: threshold.defaultValue + 1) }
        let tunedOutlier = QuantityOutlierCheck(settings: tuned)
        #expect([tunedOutlier.zThreshold, tunedOutlier.modifiedZThreshold] == [4, 4.5] && tunedOutlier.minMax)
        #expect(tunedOutlier.window == 31 * 86_400_000 && tunedOutlier.minimumPoints == 11 && tunedOutlier.minimumRatio == 3)
        #expect(CertificateUseCheck(settings: tuned).validity == 8 * 86_400_000)
        #expect(FastSellOutCheck(settings: tuned).within == 11 * 60_000 && FastSellOutCheck(settings: tuned).minimumSales == 4)
        #expect(PerfectPassRateCheck(settings: tuned).windowDays == 8 && PerfectPassRateCheck(settings: tuned).minimumTests == 301)
        #expect(OddHourCheck(settings: tuned).minimumHistory == 201 && OddHourCheck(settings: tuned).rareShare == 1.01)
        #expect(ClockDriftCheck(settings: tuned).tolerance == 6 * 60_000)
    }

    /// Every setting belongs to a check that exists, once; every check can be turned off by name.
    @Test func everySettingNamesACheckThatExists() throws {
        #expect(SupervisionThreshold.allCases.allSatisfy { SupervisionChecks.ids.contains($0.check) })
        let names = SupervisionSettings.known.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(SupervisionChecks.ids.allSatisfy { names.contains("\($0).enabled") })
        #expect(SupervisionChecks.all.allSatisfy { !SupervisionChecks.label(of: $0.id).zh.isEmpty && SupervisionChecks.label(of: $0.id).en != $0.id })
    }

    @Test func aCheckTurnedOffDoesNotRun() throws {
        var settings = SupervisionSettings()
        try settings.set("batch_balance.enabled", to: 0)
        #expect(!settings.isEnabled(BatchBalanceCheck.self) && settings.isEnabled(OperatorDayBalanceCheck.self))
        let batch = SupervisionSamples.batch("B1", received: 10, at: SupervisionSamples.at(0), sales: [(11, SupervisionSamples.at(0, hours: 9))])
        #expect(SupervisionChecks(settings: settings).findings(in: SupervisionHistory(batches: [batch])).map(\.check) == ["operator_day_balance"])
    }

    /// A misspelt name is refused, whether read or set; it never reads as 0.
    @Test func anUnknownOrNegativeSettingIsRefused() throws {
        var settings = SupervisionSettings()
        #expect(throws: TraceSyncError.self) { try SupervisionSettings.setting(named: "quantity_outlier.zz") }
        let z = try SupervisionSettings.setting(named: "quantity_outlier.z")
        #expect(settings.value(of: z) == 3)
        #expect(throws: TraceSyncError.self) { try settings.set("quantity_outlier.zz", to: 3) }
        #expect(throws: TraceSyncError.self) { try settings.set("quantity_outlier.z", to: -1) }
        #expect(settings.values.isEmpty)
    }
}
