import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// A backup taken by `sync-server backup` while four devices push to a live server holds, once restored, every entry
/// acknowledged before the backup began, and the restored store passes every check of `verify`.
@Suite struct BackupWhilePushingTests {
    static let nodes = ["46010001", "46010001", "46010002", "46010002"]
    static let pushes = 24
    static let entriesPerPush = 5

    /// The highest seq acknowledged to each device so far, as the devices saw their answers.
    actor Acknowledgements {
        private(set) var acked: [String: Int64] = [:]
        func record(_ device: String, _ seq: Int64) { acked[device] = max(acked[device] ?? 0, seq) }

        /// Whether each of `devices` devices has had at least `seq` entries acknowledged.
        func everyDevice(of devices: Int, reached seq: Int64) -> Bool {
            acked.count == devices && acked.values.allSatisfy { $0 >= seq }
        }
    }

    // Five minutes: four devices pushing under the whole suite's load on two cores took more than two once.
    @Test(.timeLimit(.minutes(5)))
    func aBackupTakenWhileFourDevicesPushHoldsEveryEntryAcknowledgedBeforeIt() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SyncServerBackup-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("central.sqlite").path
        let backups = directory.appendingPathComponent("backups")
        let store = try CentralStore(path: path)
        _ = try DemoMarkets.seed(into: store, now: BusinessTime.now())
        let codes = try Self.nodes.map { try store.issueEnrollCode(node: $0, expiresAt: BusinessTime.now() + 3_600_000) }
        let app = try await buildApplication(ServerConfiguration(databasePath: path, logLevel: .critical))

        try await app.test(.live) { client in
            let server = ServerHarness(databasePath: path, client: client, codes: [:])
            var enrolled: [EnrollResponse] = []
            for code in codes {
                let response = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "备份测试机"))
                enrolled.append(try response.decoded(EnrollResponse.self))
            }
            let devices = enrolled
            let acknowledgements = Acknowledgements()
            let (ackedBeforeBackup, journals) = try await withThrowingTaskGroup(
                of: (before: [String: Int64]?, journal: JournalWriter?).self
            ) { group in
                for device in devices {
                    group.addTask {
                        (nil, try await Self.pushADay(device, to: server, acknowledgements: acknowledgements))
                    }
                }
                group.addTask {
                    // Starts once every device has had two pushes acknowledged, so pushes run before and during it.
                    while !(await acknowledgements.everyDevice(of: devices.count, reached: Int64(2 * Self.entriesPerPush))) {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    let before = await acknowledgements.acked
                    try await onOwnThread {
                        var backup = try SyncServerCommand.parseAsRoot(["backup", "--db", path, "--to", backups.path])
                        try backup.run()
                    }
                    return (before, nil)
                }
                var before: [String: Int64] = [:]
                var journals: [JournalWriter] = []
                for try await result in group {
                    if let snapshot = result.before { before = snapshot }
                    if let journal = result.journal { journals.append(journal) }
                }
                return (before, journals)
            }

            let restored = directory.appendingPathComponent("restored.sqlite").path
            try Restore.run(from: backups, to: restored)
            let copy = try CentralStore(path: restored, dataKey: DataKey.resolve(databasePath: path))
            let checks = try copy.verifyStore()
            #expect(checks.allSatisfy { $0.ok }, "\(checks)")
            for journal in journals {
                let before = try #require(ackedBeforeBackup[journal.device.deviceId])
                let stored = try copy.database.query(
                    "SELECT seq, hash FROM entries WHERE device_id = ? AND seq <= ? ORDER BY seq", journal.device.deviceId, before
                ).map { "\($0.int("seq")!) \($0.string("hash")!)" }
                #expect(stored == journal.entries.prefix(Int(before)).map { "\($0.seq) \($0.hash)" })
                let ackedInCopy = try #require(try copy.database.scalar("SELECT acked_seq FROM devices WHERE id = ?", journal.device.deviceId))
                #expect(ackedInCopy >= before)
            }
            // Every device went on pushing after the backup began: the live store holds all of it.
            let live = try CentralStore(path: path)
            for journal in journals {
                #expect(try live.database.scalar("SELECT acked_seq FROM devices WHERE id = ?", journal.device.deviceId)
                        == Int64(Self.pushes * Self.entriesPerPush))
            }
        }
    }

    /// Pushes `pushes` requests of receipts; returns the journal.
    static func pushADay(
        _ device: EnrollResponse, to server: ServerHarness, acknowledgements: Acknowledgements
    ) async throws -> JournalWriter {
        var journal = JournalWriter(device: device)
        for push in 0..<pushes {
            for serial in 1...entriesPerPush {
                try journal.receive(serial: push * entriesPerPush + serial, operatorId: "OP-\(device.node.code)-001")
            }
            let response = try await server.post(
                "/v1/sync/push", PushRequest(entries: Array(journal.entries.suffix(entriesPerPush))), secret: device.secret
            )
            guard response.status == .ok else { throw ServerHarness.HarnessError.unexpected(response.status, response.text) }
            await acknowledgements.record(device.deviceId, try response.decoded(PushResponse.self).ackedSeq)
        }
        return journal
    }
}

/// Runs blocking work (files, SQLite) on a thread of its own, not one of the cooperative pool's.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
