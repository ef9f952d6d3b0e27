public import CentralCore
public import SyncCore

/// The server's own journal: the corrections and voidings admins decide, hash-chained like a device's, under the
/// device id `server`, merged and pulled like any other entry.
extension CentralStore {
    /// The device id of the server's journal.
    public static let serverDeviceId = "server"

    /// Appends and merges a server event; returns its seq.
    func appendServerEntry(_ body: EventBody, author: String, node: String, at now: Int64) throws -> Int64 {
        let last = try database.row(
            "SELECT seq, hash FROM entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1", Self.serverDeviceId
        )
        let latest = try database.row("SELECT max(hlc) AS hlc FROM entries")?.string("hlc").flatMap(HLCTimestamp.init)
        var clock = HybridLogicalClock(deviceId: Self.serverDeviceId, last: latest)
        let entry = JournalEntry(
            deviceId: Self.serverDeviceId, seq: (last?.int("seq") ?? 0) + 1, hlc: clock.tick(wallMillis: now),
            wallTime: now, author: author, kind: body.kind, payload: try body.payload(id: UUIDv7.make(millis: now)),
            prev: last?.string("hash") ?? JournalEntry.genesis
        )
        let event = RecordedEvent(id: try EventBody.decode(kind: body.kind, payload: entry.payload).id, hlc: entry.hlc,
                                  author: author, body: body)
        try store(entry, decision: .merged(event, conflicts: [], heldForBatch: false, aliasOf: nil), node: node, receivedAt: now)
        return entry.seq
    }
}
