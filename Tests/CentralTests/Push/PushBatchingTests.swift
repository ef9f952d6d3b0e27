import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A push is decided in memory and written at once (DESIGN.md §6): each batch's row once per push, and the same
/// outcome whether a device sends its entries in one request or one per request.
@Suite("Push: one write per push")
struct PushBatchingTests {
    typealias S = MergeSamples

    @Test func aPushOfManyEntriesOnOneBatchWritesTheBatchRowOnce() throws {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("摊位一号机", author: "符永清")
            let batch = S.code(1)
            _ = try journal.append(S.receipt(batch, quantity: 1_000), id: "r", at: marketMorning)
            for sale in 1...40 {
                _ = try journal.append(S.sale(batch, child: S.code(100 + sale), quantity: 5), id: "s-\(sale)",
                                       at: marketMorning + Int64(sale) * 60_000)
            }
            let counter = RowWriteCounter(harness.store.database)
            let response = try harness.push(journal)
            #expect(response.verdicts.map(\.verdict) == Array(repeating: .applied, count: 41))
            #expect(counter.rows["batches"] == 1)
            #expect(counter.rows["server_log"] == 41)  // `entries` is WITHOUT ROWID: the update hook does not see it
            #expect(counter.rows["events"] == 41)
            #expect(try harness.batchRow(batch)?.balance == harness.state(batch)?.balance.description)
        }
    }

    /// The convergence simulator's market, replayed into two fresh stores: each request as the devices sent it,
    /// and each entry on its own. Verdicts, conflicts, batches and the pull log are the same.
    @Test(arguments: [UInt64(20_261_201), 20_261_202, 20_261_203])
    func aPushDecidedInOneRequestEqualsTheSameEntriesPushedOneByOne(seed: UInt64) async throws {
        let replayed = try await OwnThread.run { try Self.replayedBothWays(seed: seed) }
        #expect(replayed.hadSeveralEntriesInARequest, "seed \(seed): no request had several entries")
        #expect(replayed.together == replayed.alone, "seed \(seed)")
        #expect(replayed.conflicts > 0, "seed \(seed): no conflict to compare")
    }

    /// What the two replays of a simulated market stored: each request as the devices sent it, and each entry alone.
    struct ReplayedBothWays: Sendable {
        let hadSeveralEntriesInARequest: Bool
        let together: [String]
        let alone: [String]
        let conflicts: Int64
    }

    /// Simulates seed `seed`'s market and replays its requests into two fresh stores, as requests and one by one.
    static func replayedBothWays(seed: UInt64) throws -> ReplayedBothWays {
        let simulation = try MarketSimulation(seed: seed)
        for _ in 0..<400 { try simulation.advance() }
        try simulation.syncEveryone()
        let requests = try Self.requests(of: simulation.central)
        let together = try Self.replay(requests, from: simulation.central)
        let alone = try Self.replay(requests.flatMap { request in
            request.entries.map { Request(deviceId: request.deviceId, receivedAt: request.receivedAt, entries: [$0]) }
        }, from: simulation.central)
        return ReplayedBothWays(
            hadSeveralEntriesInARequest: requests.contains { $0.entries.count > 1 },
            together: try Self.outcome(of: together), alone: try Self.outcome(of: alone),
            conflicts: try together.scalar("SELECT count(*) FROM conflicts") ?? 0
        )
    }

    /// Entries of one device received at one time, as one request carried them.
    struct Request {
        let deviceId: String
        let receivedAt: Int64
        var entries: [JournalEntry]
    }

    /// The stored entries in the order the server logged them, grouped into the requests that carried them.
    static func requests(of central: CentralStore) throws -> [Request] {
        var requests: [Request] = []
        for row in try central.database.query(
            """
            SELECT e.* FROM server_log l JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.kind = 'entry' ORDER BY l.seq
            """
        ) {
            let entry = JournalEntry(row)!, receivedAt = row.int("received_at")!
            if let last = requests.last, last.deviceId == entry.deviceId, last.receivedAt == receivedAt,
               entry.deviceId != CentralStore.serverDeviceId {
                requests[requests.count - 1].entries.append(entry)
            } else {
                requests.append(Request(deviceId: entry.deviceId, receivedAt: receivedAt, entries: [entry]))
            }
        }
        return requests
    }

    /// A fresh store with `central`'s nodes, admin-added operators and devices, and `requests` pushed into it.
    static func replay(_ requests: [Request], from central: CentralStore) throws -> Database {
        let fresh = try CentralStore(path: ":memory:")
        for node in try central.nodes() { try fresh.addNode(node) }
        for registered in try central.database.query("SELECT record FROM operators WHERE event_id IS NULL ORDER BY rowid") {
            try fresh.upsert(try JSONValue.parse(registered.string("record")!).decode(Operator.self))
        }
        for row in try central.database.query("SELECT id FROM devices ORDER BY rowid") {
            let device = try central.device(row.string("id")!)
            let code = try fresh.issueEnrollCode(node: device.node, expiresAt: Int64.max)
            _ = try fresh.enroll(EnrollRequest(code: code, deviceName: device.name, deviceId: device.id,
                                               node: device.node, deviceNumber: device.deviceNumber))
        }
        for request in requests {
            fresh.clock = { request.receivedAt }
            if request.deviceId == CentralStore.serverDeviceId {
                let entry = request.entries[0]
                let body = try EventBody.decode(kind: entry.kind, payload: entry.payload).body
                try fresh.replayServerEntry(entry, node: body.batchCode!.node, receivedAt: request.receivedAt)
            } else {
                _ = try fresh.push(device: try fresh.device(request.deviceId), entries: request.entries)
            }
        }
        return fresh.database
    }

    /// What a store's pushes left: verdicts, conflicts with their candidates, batches, orphans and the pull log
    /// (documents without their sealed envelopes, which are encrypted afresh each time).
    static func outcome(of database: Database) throws -> [String] {
        func dump(_ sql: String) throws -> [String] {
            try database.query(sql).map { row in row.columns.map { "\($0)=\(row[$0])" }.joined(separator: " ") }
        }
        return try dump("SELECT device_id, seq, verdict, reason_code, reason_message FROM entries ORDER BY device_id, seq")
            + dump("SELECT id, kind, subject, node, batch_code, target, field, status, opened_at FROM conflicts ORDER BY id")
            + dump("SELECT conflict_id, event_id, position, candidate FROM conflict_candidates ORDER BY conflict_id, position")
            + dump("SELECT * FROM batches ORDER BY code")
            + dump("SELECT * FROM orphans ORDER BY event_id")
            + dump("SELECT code, batch_code, event_id, kind FROM trace_links ORDER BY code")
            + dump("SELECT seq, node, kind, device_id, entry_seq, rejected, body FROM server_log ORDER BY seq")
    }
}
