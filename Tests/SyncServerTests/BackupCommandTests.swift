import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import TestSupport
import Testing

/// `sync-server backup`, `restore` and `verify` as operators run them, and `serve --backup-every`.
@Suite struct BackupCommandTests {
    /// A temporary directory with a store holding one device's three receipts.
    struct Site {
        let directory: URL
        let database: String
        let deviceId: String
    }

    static func withSite(_ body: (Site) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SyncServerBackupCommand-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("central.sqlite").path
        let store = try CentralStore(path: database)
        _ = try DemoMarkets.seed(into: store, now: BusinessTime.now())
        let code = try store.issueEnrollCode(node: "46010001", expiresAt: BusinessTime.now() + 3_600_000)
        let device = try store.enroll(EnrollRequest(code: code, deviceName: "一号机"))
        var journal = JournalWriter(device: device)
        for serial in 1...3 { try journal.receive(serial: serial, operatorId: "OP-46010001-001") }
        _ = try store.push(device: try store.device(device.deviceId), entries: journal.entries)
        try await body(Site(directory: directory, database: database, deviceId: device.deviceId))
    }

    @Test func verifyPassesThenFailsAfterARawEditNamingTheDeviceAndSeq() async throws {
        try await Self.withSite { site in
            let passed = try await SyncServerBinary.run(["verify", "--db", site.database, "--json"])
            #expect(passed.status == 0, "\(passed.output)")
            #expect(try JSONValue.parse(passed.output)["ok"] == .bool(true))

            try Database(path: site.database).run(
                "UPDATE entries SET payload = replace(payload, '120.5', '12.5') WHERE device_id = ? AND seq = 2", site.deviceId
            )
            let failed = try await SyncServerBinary.run(["verify", "--db", site.database])
            #expect(failed.status == 1)
            #expect(failed.output.contains("✗ 失败 / failed  设备日志哈希链 / device journal hash chains"))
            #expect(failed.output.contains("device \(site.deviceId): journal entry #2 does not match its hash"))
        }
    }

    @Test func verifyOfAStoreWithoutItsKeyIsRefusedAndMakesNoKey() async throws {
        try await Self.withSite { site in
            let backups = site.directory.appendingPathComponent("backups").path
            #expect(try await SyncServerBinary.run(["backup", "--db", site.database, "--to", backups]).status == 0)
            let restored = site.directory.appendingPathComponent("restored.sqlite").path
            let restore = try await SyncServerBinary.run(["restore", "--from", backups, "--to", restored])
            #expect(restore.status == 0, "\(restore.output)")
            #expect(!FileManager.default.fileExists(atPath: restored + ".key"))

            let refused = try await SyncServerBinary.run(["verify", "--db", restored])
            #expect(refused.status == 1)
            #expect(refused.output.contains("data_key_missing"))
            #expect(!FileManager.default.fileExists(atPath: restored + ".key"))
            let verified = try await SyncServerBinary.run(["verify", "--db", restored, "--data-key-file", site.database + ".key"])
            #expect(verified.status == 0, "\(verified.output)")
        }
    }

    @Test func restoreRefusesAnExistingFileAndAnUnreadableTime() async throws {
        try await Self.withSite { site in
            let backups = site.directory.appendingPathComponent("backups").path
            #expect(try await SyncServerBinary.run(["backup", "--db", site.database, "--to", backups]).status == 0)
            let onto = try await SyncServerBinary.run(["restore", "--from", backups, "--to", site.database])
            #expect(onto.status == 1)
            #expect(onto.output.contains("restore_target_exists"))
            let early = try await SyncServerBinary.run(["restore", "--from", backups, "--until", "2020-01-01T08:00", "--to", site.database + "-r"])
            #expect(early.status == 1)
            #expect(early.output.contains("no_backup_before"))
            #expect(throws: (any Error).self) {
                try SyncServerCommand.parseAsRoot(["restore", "--from", backups, "--until", "昨天", "--to", "x.sqlite"])
            }
        }
    }

    @Test func backupVerifyNamesADamagedBackup() async throws {
        try await Self.withSite { site in
            let backups = site.directory.appendingPathComponent("backups")
            #expect(try await SyncServerBinary.run(["backup", "--db", site.database, "--to", backups.path]).status == 0)
            #expect(try await SyncServerBinary.run(["backup", "--verify", backups.path]).status == 0)
            let pages = backups.appendingPathComponent("backup-000001-full.pages")
            var bytes = try Data(contentsOf: pages)
            bytes[100] ^= 0x01
            try bytes.write(to: pages)
            let checked = try await SyncServerBinary.run(["backup", "--verify", backups.path])
            #expect(checked.status == 1)
            #expect(checked.output.contains("✗ 失败 / failed  backup-000001-full.json"))
        }
    }

    @Test(arguments: [("6h", 21_600), ("30m", 1_800), ("1d", 86_400), ("90s", 90)])
    func backupIntervalsAreRead(text: String, seconds: Int64) throws {
        #expect(try BackupInterval.parse(text) == seconds)
    }

    @Test(arguments: [["--backup-every", "0m"], ["--backup-every", "6"], ["--backup-every", "1.5h"], ["--backup-every", "-1h"],
                      ["--backup-every", "1w"], ["--backup-every", "6h"], []])
    func aBadBackupScheduleIsRefusedBeforeTheServerStarts(arguments: [String]) {
        // `--backup-every 6h` without `--backup-dir` is refused too, as is `--backup-dir` alone.
        let directory = arguments == ["--backup-every", "6h"] ? [] : ["--backup-dir", "/tmp/backups"]
        let command = ["serve"] + directory + arguments
        #expect(throws: (any Error).self) { try SyncServerCommand.parseAsRoot(command) }
    }

    // Five minutes: its commands wait their turn among the suite's other child processes (`ChildProcessSlots`).
    @Test(.timeLimit(.minutes(5)))
    func theServerTakesScheduledBackups() async throws {
        try await Self.withSite { site in
            let backups = site.directory.appendingPathComponent("scheduled")
            let server = Process()
            server.executableURL = SyncServerBinary.url
            server.arguments = ["serve", "--port", "0", "--db", site.database, "--backup-dir", backups.path, "--backup-every", "1s"]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer { if server.isRunning { server.terminate() } }

            let directory = BackupDirectory(url: backups)
            while try directory.manifestNames().count < 2 {
                try #require(server.isRunning, "sync-server stopped before it took two backups")
                try await Task.sleep(for: .milliseconds(100))
            }
            server.terminate()
            while server.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(server.terminationStatus == 0)
            let findings = try directory.verify()
            #expect(findings.allSatisfy { $0.problem == nil })
            #expect(try directory.entry(named: try directory.manifestNames()[1]).manifest.kind == .incremental)
        }
    }
}

/// The built `sync-server`, run as an operator would.
enum SyncServerBinary {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/sync-server")

    /// Runs `sync-server ARGUMENTS` to its end; standard output, then standard error.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await ProcessRun.run(url, arguments, in: FileManager.default.temporaryDirectory)
        return (result.status, result.stdout + result.stderr)
    }
}
