import Testing
@testable import CentralCore
import SyncCore

/// The checks' settings: documented defaults, tuning by name, turning a check off.
@Suite("Supervision: settings")
struct SupervisionSettingsTests {
    @Test func theDefaultsAreTheDocumentedOnes() {
        let settings = SupervisionSettings()
        #expect(settings["quantity_outlier.z"] == 3)
        #expect(settings["quantity_outlier.modified_z"] == 3.5)
        #expect(settings["quantity_outlier.window_days"] == 30)
        #expect(settings["quantity_outlier.minimum_points"] == 10)
        #expect(SupervisionChecks().checks.count == SupervisionChecks.all.count)
    }

    @Test func aCheckTurnedOffDoesNotRun() throws {
        var settings = SupervisionSettings()
        try settings.set("batch_balance.enabled", to: 0)
        let batch = SupervisionSamples.batch("B1", received: 10, at: SupervisionSamples.at(0), sales: [(11, SupervisionSamples.at(0, hours: 9))])
        #expect(SupervisionChecks(settings: settings).findings(in: SupervisionHistory(batches: [batch])).map(\.check) == ["operator_day_balance"])
    }

    @Test func anUnknownOrNegativeSettingIsRefused() {
        var settings = SupervisionSettings()
        #expect(throws: TraceSyncError.self) { try settings.set("quantity_outlier.zz", to: 3) }
        #expect(throws: TraceSyncError.self) { try settings.set("quantity_outlier.z", to: -1) }
        #expect(settings.values.isEmpty)
    }
}
