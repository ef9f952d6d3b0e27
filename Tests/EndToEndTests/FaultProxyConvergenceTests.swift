import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Eight real `field` devices in two markets record a market day and sync through a proxy that drops, duplicates,
/// delays, reorders and truncates requests and answers. Once the faults stop and each device syncs cleanly, nothing
/// is lost or doubled and every device sees the same market. `FAULT_SEED` and `FAULT_ROUNDS` (default 3) make long runs.
@Suite(.serialized)
struct FaultProxyConvergenceTests {
    static let markets = ["46010001", "46010002"]

    @Test
    func eightDevicesSyncingThroughFaultsConvergeWithNoEntryLostOrDuplicated() async throws {
        let size = FaultRunSize(defaultRounds: 3)
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let proxy = try FaultProxy(plan: FaultPlan(seed: size.seed, faultRate: 0.4)) { [server] in server.port }
            defer { proxy.stop() }
            var devices: [MarketDevice] = []
            for market in Self.markets {
                for number in 1...4 {
                    devices.append(try await MarketDevice.enrolled(
                        "m\(market.suffix(1))-\(number)", node: market, server: server, through: proxy.url, in: directory
                    ))
                }
            }

            proxy.faultsEnabled = true
            for round in 0..<size.rounds {
                for device in devices {
                    try await Self.recordMarketHour(on: device, round: round)
                }
                let syncs = try devices.map {
                    try $0.device.start("sync", "--batch-size", "3", "--page-size", "40", "--attempts", "3",
                                                "--retry-delay", "0.1")
                }
                for sync in syncs {
                    let ending = await sync.wait(timeout: 90)
                    #expect(!ending.timedOut, "a sync through the faults ends by itself: \(ending.result)")
                }
            }
            proxy.faultsEnabled = false
            try proxy.waitUntilIdle()
            let injected = proxy.injected
            #expect(Set(injected.keys) == Set(Fault.allCases), "every kind of fault was injected: \(injected) (\(size))")

            for _ in 0..<2 {
                for device in devices { try await device.sync() }
            }
            try await Self.expectConverged(devices, server: server, size: size)
        }
    }

    /// Records an hour of a market day on `device`: receipts with inspections, sales and a correction of its own
    /// batches and, after the first round, a sale from a batch another device of its market received.
    static func recordMarketHour(on device: MarketDevice, round: Int) async throws {
        let own = try await device.recordEvents(5).batches
        guard round > 0 else { return }
        let known = try FieldStore.open(path: device.device.databasePath).batches().map(\.code)
        if let peers = known.first(where: { !own.contains($0) }) {
            _ = try await device.device.json("sell", peers, "--quantity", "1", "--buyer", "李四", "--price", "8")
        }
    }

    /// After the faults: every journal entry on the server exactly once with its hash, every journal fully
    /// acknowledged, and every device of a market showing the same batches as the server.
    static func expectConverged(_ devices: [MarketDevice], server: ServerProcess, size: FaultRunSize) async throws {
        let central = try Database(path: server.databasePath)
        var journalTotal: Int64 = 0
        for device in devices {
            let store = try FieldStore.open(path: device.device.databasePath)
            let journal = try store.journalEntries()
            journalTotal += Int64(journal.count)
            let stored = try central.query(
                "SELECT seq, hash FROM entries WHERE device_id = ? ORDER BY seq", store.identity.deviceId
            ).map { "\($0.int("seq")!) \($0.string("hash")!)" }
            #expect(stored == journal.map { "\($0.seq) \($0.hash)" }, "device \(device.device.directory.lastPathComponent) (\(size))")
            let acked = try store.database.scalar("SELECT acked_seq FROM sync_state")
            #expect(acked == Int64(journal.count), "journal fully acknowledged (\(size))")
            #expect(try await device.device.json("status")["pending"] == .integer(0))
        }
        #expect(try central.scalar("SELECT count(*) FROM entries") == journalTotal, "no entry the devices did not record (\(size))")
        #expect(try central.scalar("SELECT count(*) FROM events") == journalTotal, "one event per entry (\(size))")
        #expect(try central.scalar("SELECT count(*) FROM integrity_violations") == 0, "(\(size))")
        #expect(try central.row("PRAGMA integrity_check")?.string("integrity_check") == "ok")

        for market in markets {
            let onServer = try central.query(
                "SELECT code, balance, status FROM batches WHERE node = ? ORDER BY code", market
            ).map { "\($0.string("code")!) \($0.string("balance")!) \($0.string("status")!)" }
            var shown: [[FieldStore.BatchSummary]] = []
            for device in devices where device.node == market {
                let batches = try FieldStore.open(path: device.device.databasePath).batches()
                shown.append(batches)
                #expect(batches.map { "\($0.code) \($0.balance) \($0.status.rawValue)" }.sorted() == onServer,
                        "device \(device.device.directory.lastPathComponent) pulled what the server holds (\(size))")
            }
            #expect(Set(shown).count == 1, "every device of market \(market) shows the same batches (\(size))")
            #expect(!onServer.isEmpty)
        }
    }
}
