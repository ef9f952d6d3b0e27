import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The `field` process killed with SIGKILL at random moments during `import` and `sync`, again and again on one
/// device database: the database always opens, `field verify` passes, an import is all or nothing, and every record
/// a command acknowledged to the user (it exited 0 and printed its result) is still there. `FAULT_SEED` and
/// `FAULT_ROUNDS` (default 50 kills) make long runs.
@Suite(.serialized)
struct FieldKillTests {
    static let rowsPerImport = 120

    @Test
    func aFieldProcessKilledFiftyTimesDuringImportAndSyncLosesNothingItAcknowledged() async throws {
        let size = FaultRunSize(defaultRounds: 50)
        var random = SeededGenerator(seed: size.seed)
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let device = try await MarketDevice.enrolled("f", node: "46010001", server: server, in: directory)
            let deviceId = try FieldStore.open(path: device.device.databasePath).identity.deviceId
            // One import run to its end: its receipts are acknowledged, and its duration bounds the moments to kill at.
            let started = Date()
            var acknowledgedCodes = try await Self.importDay(on: device, series: 0, in: directory)
            let killWithin = UInt32(min(2.0, Date().timeIntervalSince(started) * 1.3) * 1_000_000)
            var journal = try FieldStore.open(path: device.device.databasePath).journalHead().count
            var killed = 0

            for round in 0..<size.rounds {
                let context = "kill \(round + 1) (\(size))"
                let importing = round % 2 == 0
                let command: KillableProcess
                if importing {
                    command = try device.device.start("import", try Self.weighingFile(for: device, series: round + 1, in: directory), "--json")
                } else {
                    command = try device.device.start("sync", "--batch-size", "10", "--attempts", "1", "--json")
                }
                try await Task.sleep(for: .microseconds(UInt32.random(in: 0...killWithin, using: &random)))
                command.kill(SIGKILL)
                let ending = await command.wait(timeout: 90)
                #expect(!ending.timedOut, "\(context): \(ending.result)")
                let (result, wasKilled) = (ending.result, ending.wasKilled)
                if wasKilled { killed += 1 }

                let store = try FieldStore.open(path: device.device.databasePath)
                let verify = try await device.device.run("verify", "--json")
                #expect(verify.status == 0, "\(context): \(verify)")
                let count = try store.journalHead().count
                if importing {
                    let completed = !wasKilled && result.status == 0
                    if completed { acknowledgedCodes += try result.json()["imported"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
                    let allowed = completed ? [journal + Int64(Self.rowsPerImport)] : [journal, journal + Int64(Self.rowsPerImport)]
                    #expect(allowed.contains(count), "\(context): an import is all or nothing: \(journal) → \(count)\n\(result)")
                } else {
                    #expect(count == journal, "\(context): a sync records nothing on the device")
                    let acked = try store.database.scalar("SELECT acked_seq FROM sync_state") ?? 0
                    let onServer = try Database(path: server.databasePath)
                        .scalar("SELECT count(*) FROM entries WHERE device_id = ?", deviceId) ?? 0
                    #expect(acked <= onServer, "\(context): the device counts as sent only what the server stored")
                    if !wasKilled && result.status == 0 {
                        #expect(acked == count && onServer >= count, "\(context): a completed sync sent everything")
                    }
                }
                journal = count
                let codes = Set(try store.database.query("SELECT code FROM batches").compactMap { $0.string("code") })
                let lost = acknowledgedCodes.filter { !codes.contains($0) }
                #expect(lost.isEmpty, "\(context): \(lost.count) acknowledged receipts lost")
            }
            #expect(killed > 0, "some commands were killed mid-run (\(size))")

            try await device.sync()
            let stored = Set(try Database(path: server.databasePath).query("SELECT code FROM batches").compactMap { $0.string("code") })
            #expect(acknowledgedCodes.allSatisfy(stored.contains), "every acknowledged receipt reached the server")
            #expect(try await device.device.json("status")["pending"] == .integer(0))
        }
    }

    /// Writes the weighing export `series` of `rowsPerImport` receipts for `device` and returns its path.
    static func weighingFile(for device: MarketDevice, series: Int, in directory: URL) throws -> String {
        let csv = directory.appendingPathComponent("load-\(series).csv")
        try CrashRecoveryTests.weighingExport(rows: rowsPerImport, operatorId: device.operatorId, series: series)
            .write(to: csv, atomically: true, encoding: .utf8)
        return csv.path
    }

    /// Imports a weighing export on `device`, which must succeed, and returns the trace codes it printed.
    static func importDay(on device: MarketDevice, series: Int, in directory: URL) async throws -> [String] {
        let imported = try await device.device.json("import", try weighingFile(for: device, series: series, in: directory))
        return imported["imported"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
