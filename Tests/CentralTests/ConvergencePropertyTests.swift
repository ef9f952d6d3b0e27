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
    func everyDeviceConvergesOnTheServersViewWithNoEntryLostOrDuplicated() async throws {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["CONVERGENCE_SEED"].flatMap(UInt64.init) {
            try await check(seed: seed)
            return
        }
        let soak = Double(environment["CONVERGENCE_SOAK_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(soak)
        var seed: UInt64 = 20_261_125
        repeat {
            try await check(seed: seed)
            seed &+= 1
        } while Date() < deadline
    }

    private func check(seed: UInt64) async throws {
        let run = try await OwnThread.run { try Self.run(seed: seed) }
        #expect(run.problems.isEmpty, "seed \(seed) (rerun with CONVERGENCE_SEED=\(seed)): \(run.problems.prefix(10).joined(separator: "; "))")
        #expect(run.entries > Int64(Self.steps / 2), "seed \(seed): only \(run.entries) entries were recorded")
        #expect(run.conflicts > 0, "seed \(seed): the run produced no conflict to check")
        #expect(run.releases > 0, "seed \(seed): no admin released a hold, so no device pulled a release")
    }

    /// What one seeded run left: where devices and server disagree, and what the server recorded.
    struct Run: Sendable {
        let problems: [String]
        let entries: Int64
        let conflicts: Int64
        let releases: Int64
    }

    /// Runs the market of `seed` for `steps` steps, syncs everyone twice and compares.
    private static func run(seed: UInt64) throws -> Run {
        let simulation = try MarketSimulation(seed: seed)
        for _ in 0..<Self.steps { try simulation.advance() }
        try simulation.syncEveryone()
        try simulation.syncEveryone()
        let database = simulation.central.database
        return Run(
            problems: try simulation.divergences(),
            entries: try database.scalar("SELECT count(*) FROM entries") ?? 0,
            conflicts: try database.scalar("SELECT count(*) FROM conflicts") ?? 0,
            releases: try database.scalar("SELECT count(*) FROM entries WHERE kind = 'release'") ?? 0
        )
    }
}
