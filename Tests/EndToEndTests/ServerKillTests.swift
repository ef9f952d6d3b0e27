import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The real `sync-server` killed with SIGKILL at random moments while several devices push, again and again on one
/// database: whatever the server acknowledged survives exactly once and the store stays intact. A recording proxy
/// between the devices and the server shows exactly which answers the server gave. `FAULT_SEED` and `FAULT_ROUNDS`
/// (default 50 kills) make long runs.
@Suite(.serialized)
struct ServerKillTests {
    @Test
    func theServerKilledFiftyTimesDuringPushesKeepsEveryAcknowledgedEntryExactlyOnce() async throws {
        let size = FaultRunSize(defaultRounds: 50)
        var random = SeededGenerator(seed: size.seed)
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let proxy = try FaultProxy(plan: FaultPlan(seed: size.seed, faultRate: 0)) { [server] in server.port }
            defer { proxy.stop() }
            let devices = try await [("k1", "46010001"), ("k2", "46010001"), ("k3", "46010002")].asyncMap { name, node in
                try await MarketDevice.enrolled(name, node: node, server: server, through: proxy.url, in: directory)
            }
            proxy.recordsExchanges = true

            var interrupted = 0
            var acknowledged: [String: String] = [:]
            for round in 0..<size.rounds {
                if round > 0 { try await server.start() }
                for device in devices { try await Self.keepPending(on: device, in: directory) }
                let syncs = try devices.map { try $0.device.start("sync", "--batch-size", "8", "--attempts", "1") }
                try await Task.sleep(for: .microseconds(UInt32.random(in: 30_000...400_000, using: &random)))
                await server.kill(SIGKILL)
                for sync in syncs {
                    let ending = await sync.wait(timeout: 90)
                    #expect(!ending.timedOut, "a sync whose server died ends by itself: \(ending.result)")
                    if ending.result.status != 0 { interrupted += 1 }
                }
                try proxy.waitUntilIdle()
                try acknowledged.merge(Self.acknowledgedEntries(in: proxy.takeRecorded())) { _, latest in latest }
                try Self.expectStoredOnce(acknowledged, in: server, context: "kill \(round + 1) (\(size))")
            }
            #expect(interrupted > 0, "the kills interrupted pushes (\(size))")
            #expect(!acknowledged.isEmpty, "the server acknowledged pushes between the kills (\(size))")

            try await server.start()
            for device in devices { try await device.sync() }
            let central = try Database(path: server.databasePath)
            for device in devices {
                let store = try FieldStore.open(path: device.device.databasePath)
                let stored = try central.query(
                    "SELECT seq, hash FROM entries WHERE device_id = ? ORDER BY seq", store.identity.deviceId
                ).map { "\($0.int("seq")!) \($0.string("hash")!)" }
                #expect(stored == (try store.journalEntries().map { "\($0.seq) \($0.hash)" }), "(\(size))")
            }
            let verify = try await server.admin("verify")
            #expect(verify.status == 0, "sync-server verify after \(size.rounds) kills: \(verify)")
        }
    }

    /// Imports another weighing export on `device` when fewer than 100 of its entries wait, so every push run has
    /// entries to send when the server is killed.
    static func keepPending(on device: MarketDevice, in directory: URL) async throws {
        let store = try FieldStore.open(path: device.device.databasePath)
        let acked = try store.database.scalar("SELECT acked_seq FROM sync_state") ?? 0
        guard try store.journalHead().count - acked < 100 else { return }
        let csv = directory.appendingPathComponent("\(device.device.directory.lastPathComponent)-\(UUID().uuidString).csv")
        try CrashRecoveryTests.weighingExport(rows: 300, operatorId: device.operatorId, series: Int(try store.journalHead().count))
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try await device.device.run("import", csv.path)
        guard imported.status == 0 else { throw HarnessError("\(imported)") }
    }

    /// The entries the push answers acknowledged (with any verdict), as `"deviceId seq"` → the hash pushed.
    static func acknowledgedEntries(in exchanges: [FaultProxy.Exchange]) throws -> [String: String] {
        var acknowledged: [String: String] = [:]
        for exchange in exchanges where exchange.request.target == "/v1/sync/push" && exchange.response.status == 200 {
            let pushed = try JSONDecoder().decode(PushRequest.self, from: exchange.request.body)
            let answer = try JSONDecoder().decode(PushResponse.self, from: exchange.response.body)
            let hashes = Dictionary(pushed.entries.map { ($0.seq, $0.hash) }) { first, _ in first }
            let deviceId = try #require(pushed.entries.first?.deviceId)
            for verdict in answer.verdicts {
                acknowledged["\(deviceId) \(verdict.seq)"] = hashes[verdict.seq]
            }
        }
        return acknowledged
    }

    /// Every acknowledged entry is in the store once, with the hash that was pushed; every stored entry has its one
    /// event; the database passes `integrity_check`.
    static func expectStoredOnce(_ acknowledged: [String: String], in server: ServerProcess, context: String) throws {
        let central = try Database(path: server.databasePath)
        var stored: [String: String] = [:]
        for row in try central.query("SELECT device_id, seq, hash FROM entries") {
            stored["\(row.string("device_id")!) \(row.int("seq")!)"] = row.string("hash")!
        }
        let missing = acknowledged.filter { stored[$0.key] != $0.value }
        #expect(missing.isEmpty, "\(context): \(missing.count) acknowledged entries missing or altered, e.g. \(missing.first.map { "\($0)" } ?? "")")
        #expect(try central.scalar("SELECT count(*) FROM events") == Int64(stored.count), "\(context): one event per entry")
        #expect(try central.row("PRAGMA integrity_check")?.string("integrity_check") == "ok", "\(context)")
    }
}
