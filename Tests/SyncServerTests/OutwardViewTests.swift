import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// DESIGN.md §5: every outward view is built from one allow-list of fields per event kind, which corrections pass
/// through too. A correction of each field, read back through every view over HTTP.
@Suite struct OutwardViewTests {
    @Test(arguments: OutwardSample.corrected)
    func aCorrectedValueReachesOnlyTheViewsThatMayShowItsField(_ corrected: OutwardSample.CorrectedField) async throws {
        try await withServer { server in
            let sample = try await OutwardSample.pushed(to: server, correcting: corrected)
            #expect(sample.verdicts == Array(repeating: .applied, count: 6), "every event and the correction applied")
            let views = try await sample.views(server)
            let showing = Set(OutwardView.allCases.filter { views[$0]!.contains(corrected.value) })
            #expect(showing == corrected.shownIn, "\(corrected.testDescription) = \(corrected.value)")
        }
    }

    @Test(arguments: [OutwardSample.corrected[0], OutwardSample.corrected[1]])
    func pricesPersonalNumbersAndWitnessesRecordedBeforeACorrectionReachNoView(
        _ corrected: OutwardSample.CorrectedField
    ) async throws {
        try await withServer { server in
            let sample = try await OutwardSample.pushed(to: server, correcting: corrected)
            #expect(sample.verdicts == Array(repeating: .applied, count: 6), "every event and the correction applied")
            let views = try await sample.views(server)
            for view in OutwardView.allCases {
                for value in [OutwardSample.price, OutwardSample.idNumber, OutwardSample.phone] {
                    #expect(!views[view]!.contains(value), "\(view) shows \(value)")
                }
                if view != .feed { #expect(!views[view]!.contains(OutwardSample.witness), "\(view) shows the witness") }
            }
        }
    }
}
