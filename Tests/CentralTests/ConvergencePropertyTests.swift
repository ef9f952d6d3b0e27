import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// 8 devices in 2 markets record thousands of random events offline and sync in random order over a faulty
/// network with skewed clocks; once each has synced twice, every device sees its market exactly as the server does.
///
/// Seeded: a failure prints its seed; `CONVERGENCE_SEED=N` replays it. `CONVERGENCE_SOAK_SECONDS=N` keeps drawing
/// new seeds for that long.
@Suite("Convergence property")
struct ConvergencePropertyTests {
    static let steps = Int(ProcessInfo.processInfo.environment["CONVERGENCE_STEPS"] ?? "") ?? 3_000

    @Test
    func everyDeviceConvergesOnTheServersViewWithNoEntryLostOrDuplicated() throws {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["CONVERGENCE_SEED"].flatMap(UInt64.init) {
            try run(seed: seed)
            return
        }
        let soak = Double(environment["CONVERGENCE_SOAK_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(soak)
        var seed: UInt64 = 20_261_125
        repeat {
            try run(seed: seed)
            seed &+= 1
        } while Date() < deadline
    }

    private func run(seed: UInt64) throws {
        let simulation = try MarketSimulation(seed: seed)
        for _ in 0..<Self.steps { try simulation.advance() }
        try simulation.syncEveryone()
        try simulation.syncEveryone()
        let problems = try simulation.divergences()
        #expect(problems.isEmpty, "seed \(seed) (rerun with CONVERGENCE_SEED=\(seed)): \(problems.prefix(10).joined(separator: "; "))")
        let entries = try simulation.central.database.scalar("SELECT count(*) FROM entries") ?? 0
        let conflicts = try simulation.central.database.scalar("SELECT count(*) FROM conflicts") ?? 0
        #expect(entries > Int64(Self.steps / 2), "seed \(seed): only \(entries) entries were recorded")
        #expect(conflicts > 0, "seed \(seed): the run produced no conflict to check")
        let releases = try simulation.central.database.scalar("SELECT count(*) FROM entries WHERE kind = 'release'") ?? 0
        #expect(releases > 0, "seed \(seed): no admin released a hold, so no device pulled a release")
    }
}
