import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The server killed in the middle of a device's sync loses nothing and duplicates nothing.
@Suite(.serialized)
struct CrashRecoveryTests {
    @Test
    func aServerKilledMidPushLosesAndDuplicatesNothing() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let csv = directory.appendingPathComponent("day.csv")
            try Self.weighingExport(rows: 1_500, operatorId: a.operatorId).write(to: csv, atomically: true, encoding: .utf8)
            let imported = try await a.device.run("import", csv.path)
            try #require(imported.status == 0, "\(imported)")
            let journal = try FieldStore.open(path: a.device.databasePath).journalHead().count

            // Sync in small pushes and kill the server as soon as the first of them is stored.
            let sync = try a.device.start("sync", "--batch-size", "5", "--attempts", "1")
            let central = try Database(path: server.databasePath)
            let deadline = Date().addingTimeInterval(60)
            while (try central.scalar("SELECT max(acked_seq) FROM devices") ?? 0) < 5, sync.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(1))
            }
            await server.kill(SIGKILL)
            let interrupted = await sync.wait().result
            #expect(interrupted.status != 0, "the sync cannot have completed: \(interrupted)")
            let ackedAtKill = try central.scalar("SELECT acked_seq FROM devices") ?? 0
            #expect(ackedAtKill < journal)

            try await server.start()
            defer { server.stop() }
            try await a.sync()
            let entries = try central.scalar("SELECT count(*) FROM entries") ?? 0
            let distinct = try central.scalar("SELECT count(DISTINCT seq) FROM entries") ?? 0
            #expect(entries == journal)
            #expect(distinct == journal)
            #expect(try central.scalar("SELECT acked_seq FROM devices") == journal)
            #expect(try central.row("PRAGMA integrity_check")?.string("integrity_check") == "ok")
            #expect(try await a.device.json("status")["pending"] == .integer(0))
        }
    }

    /// A weighing-system export of `rows` valid receipts for one operator.
    /// Exports of different `series` share no row, as a weighing system's exports of different loads would not (a row
    /// imported before is refused as already imported).
    static func weighingExport(rows: Int, operatorId: String, series: Int = 0) -> String {
        let header = "time,product,quantity,unit,operator,supplier,origin,upstream_code,quarantine_cert,meat_quality_cert,origin_cert,vehicle_plate"
        let lines = (0..<rows).map { index in
            "2026-11-24T05:\(String(format: "%02d", index % 60)):00+08:00,200102,\(100 + series * rows + index),kg,\(operatorId),绿源合作社,469023,,,,,琼A12345"
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}
