import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The restore drill with real processes: `sync-server backup` while three devices sync, more pushes and pulls after
/// it, `sync-server restore` onto the server's path with the key file put back, the server restarted on the same
/// port. Every device then syncs without help: the devices whose pushes the restored store lost send them again from
/// their journals, the one that pulled them pulls the restored log again, and every entry is on the server once and
/// on every device.
@Suite(.serialized)
struct RestoreResyncTests {
    @Test
    func afterARestoreEveryDeviceSendsAndPullsAgainAndNoEntryIsLostOrDoubled() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let b = try await MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let c = try await MarketDevice.enrolled("c", node: "46010001", server: server, in: directory)
            for device in [a, b] {
                _ = try await device.recordEvents(5)
                try await device.sync()
            }
            try await c.sync()

            let backups = directory.appendingPathComponent("backups").path
            let backup = try await server.admin("backup", "--to", backups)
            #expect(backup.status == 0, "\(backup)")

            // After the backup: a and b push more and c pulls it; b also records entries it has not sent yet.
            for device in [a, b] {
                _ = try await device.recordEvents(5)
                try await device.sync()
            }
            try await c.sync()
            _ = try await b.recordEvents(3)
            #expect(try Self.stored(a, in: server).count == 10)

            await server.kill()
            let lost = directory.appendingPathComponent("lost")
            try FileManager.default.createDirectory(at: lost, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm", ".key"] where FileManager.default.fileExists(atPath: server.databasePath + suffix) {
                try FileManager.default.moveItem(atPath: server.databasePath + suffix,
                                                 toPath: lost.appendingPathComponent("central.sqlite" + suffix).path)
            }
            let restore = try await ProcessRun.run(
                try #require(Executables.url("sync-server")), ["restore", "--from", backups, "--to", server.databasePath],
                in: directory
            )
            #expect(restore.status == 0, "\(restore)")
            #expect(restore.stdout.contains("新的存储代号 / new store generation: "), "\(restore)")
            try FileManager.default.copyItem(atPath: lost.appendingPathComponent("central.sqlite.key").path,
                                             toPath: server.databasePath + ".key")
            let restoredVerify = try await server.admin("verify")
            #expect(restoredVerify.status == 0, "\(restoredVerify)")
            #expect(try Self.stored(a, in: server).count == 5, "the restored store lacks what was pushed after the backup")
            try await server.start()

            // a has nothing pending, yet the server lacks its last five entries; b sends from past what the server holds.
            let aSync = try await a.device.json("sync")
            #expect(aSync["pushed"] == .integer(5), "\(aSync)")
            #expect(aSync["resentFrom"] == .integer(6), "\(aSync)")
            let bSync = try await b.device.run("sync")
            #expect(bSync.status == 0, "\(bSync)")
            #expect(bSync.stdout.contains("服务器已从备份恢复，缺少本机第 6 条起的记录：已从第 6 条重新上传。"), "\(bSync)")
            #expect(bSync.stdout.contains("上传 8 条"), "\(bSync)")
            let cSync = try await c.device.json("sync")
            #expect(cSync["pullRestarted"] == .bool(true), "\(cSync)")
            for device in [a, b, c] { try await device.sync() }

            let journals = try [a, b, c].map { try FieldStore.open(path: $0.device.databasePath) }
            let recorded = try journals.flatMap { store in try store.journalEntries().map { "\($0.deviceId) \($0.seq) \($0.hash)" } }
            #expect(recorded.count == 23)
            let onServer = try Database(path: server.databasePath).query(
                "SELECT device_id, seq, hash FROM entries WHERE device_id != ? ORDER BY device_id, seq", CentralStore.serverDeviceId
            ).map { "\($0.string("device_id")!) \($0.int("seq")!) \($0.string("hash")!)" }
            #expect(onServer.sorted() == recorded.sorted(), "every entry any device recorded is on the server, once")
            let everyEntry = Set(recorded.map { $0.split(separator: " ").prefix(2).joined(separator: " ") })
            for (name, store) in zip(["a", "b", "c"], journals) {
                let seen = try store.database.query("SELECT device_id, seq FROM events WHERE device_id != ?", CentralStore.serverDeviceId)
                    .map { "\($0.string("device_id")!) \($0.int("seq")!)" }
                #expect(seen.count == Set(seen).count && Set(seen) == everyEntry, "device \(name) sees every entry once")
                #expect(try store.status().pending == 0, "device \(name) has nothing pending")
            }
            let verify = try await server.admin("verify")
            #expect(verify.status == 0, "sync-server verify after the devices resynced: \(verify)")
        }
    }

    /// The seqs of `device`'s entries the server's store holds.
    static func stored(_ device: MarketDevice, in server: ServerProcess) throws -> [Int64] {
        let id = try FieldStore.open(path: device.device.databasePath).identity.deviceId
        return try Database(path: server.databasePath, create: false)
            .query("SELECT seq FROM entries WHERE device_id = ? ORDER BY seq", id).map { $0.int("seq")! }
    }
}
