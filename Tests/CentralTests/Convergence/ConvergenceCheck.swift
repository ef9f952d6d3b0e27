import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// What must hold once every device has synced twice; each failure is a sentence naming what differs.
extension MarketSimulation {
    func divergences() throws -> [String] {
        var problems: [String] = []
        let db = central.database
        for device in devices {
            let journal = try device.store.journalHead().count
            let stored = try db.scalar("SELECT count(*) FROM entries WHERE device_id = ?", device.record.id) ?? -1
            let acked = try central.device(device.record.id).ackedSeq
            if stored != journal || acked != journal {
                problems.append("\(device.name): journal \(journal), server stored \(stored), acknowledged \(acked)")
            }
            if try device.store.status().pending != 0 { problems.append("\(device.name): entries still pending") }
        }
        for node in Self.nodes {
            let codes = try db.query("SELECT DISTINCT batch_code FROM events WHERE node = ? AND batch_code IS NOT NULL", node)
                .map { try TraceCode(parsing: $0.string("batch_code")!) }
            for code in codes {
                let server = BatchState.derive(code: code, events: try central.batchEvents(code))
                for device in devices where device.store.identity.node == node {
                    let local = try device.store.batchState(code)
                    if local != server { problems.append("\(device.name): batch \(code) differs from the server's") }
                }
            }
            for device in devices where device.store.identity.node == node {
                let local = Set(try device.batchCodes())
                let remote = Set(try db.query("SELECT code FROM batches WHERE node = ?", node).map { $0.string("code")! })
                if local != remote { problems.append("\(device.name): knows \(local.count) batches, the server \(remote.count)") }
            }
        }
        let open = try db.query("SELECT kind, subject, count(*) AS n FROM conflicts WHERE status = 'open' GROUP BY kind, subject HAVING n > 1")
        problems += open.map { "conflict \($0.string("kind")!) \($0.string("subject")!) is open \($0.int("n")!) times" }
        problems += try replayDifferences()
        return problems
    }

    /// Replays every stored entry once, in the order the server received them, into a fresh store: retries, lost
    /// answers and repeated pushes must not have added a conflict or a candidate that a clean run would not.
    private func replayDifferences() throws -> [String] {
        let fresh = try CentralStore(path: ":memory:")
        for node in try central.nodes() { try fresh.addNode(node) }
        for node in Self.nodes {
            for registered in try central.database.query("SELECT record FROM operators WHERE node = ? AND event_id IS NULL", node) {
                try fresh.upsert(try JSONValue.parse(registered.string("record")!).decode(Operator.self))
            }
        }
        var records: [String: CentralStore.DeviceRecord] = [:]
        for device in devices {
            let code = try fresh.issueEnrollCode(node: device.record.node, expiresAt: Int64.max)
            _ = try fresh.enroll(EnrollRequest(code: code, deviceName: device.name, deviceId: device.record.id,
                                               node: device.record.node, deviceNumber: device.record.deviceNumber))
            records[device.record.id] = try fresh.device(device.record.id)
        }
        let order = try central.database.query(
            """
            SELECT e.* FROM server_log l JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.kind = 'entry' ORDER BY l.seq
            """
        )
        for row in order {
            let entry = JournalEntry(row)!
            let receivedAt = row.int("received_at")!
            fresh.clock = { receivedAt }
            guard let device = records[entry.deviceId] else {
                // An admin's release, from the server's own journal: merged as the central store merged it.
                let decoded = try EventBody.decode(kind: entry.kind, payload: entry.payload)
                try fresh.replayServerEntry(entry, node: decoded.body.batchCode!.node, receivedAt: receivedAt)
                continue
            }
            _ = try fresh.push(device: device, entries: [entry])
        }
        func summary(_ store: CentralStore) throws -> [String] {
            try store.conflicts().map { "\($0.kind.rawValue) \($0.subject) " + $0.candidates.map(\.eventId).sorted().joined(separator: ",") }.sorted()
        }
        let recorded = try summary(central), clean = try summary(fresh)
        guard recorded != clean else { return [] }
        return ["conflicts differ from a clean replay: recorded \(recorded.count), clean \(clean.count); first difference: "
                + (zip(recorded, clean).first { $0 != $1 }.map { "\($0.0) vs \($0.1)" } ?? "in the count")]
    }
}
