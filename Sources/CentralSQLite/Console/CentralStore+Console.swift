public import CentralCore
public import SyncCore

/// The reads the admins' console shows beyond the API's: a batch's timeline with each event's device and times, a
/// server journal entry as devices pull it, and today's rejected entries.
extension CentralStore {
    /// One event of a batch with its device and times (`CentralCore.TimelineEvent`).
    public typealias TimelineEvent = CentralCore.TimelineEvent

    /// Every event of the batch, in HLC order, with its device, seq, device time and receive time.
    public func batchTimeline(_ code: TraceCode) throws -> [TimelineEvent] {
        try database.query(
            """
            SELECT ev.id, ev.kind, ev.hlc, ev.author, ev.body, ev.sealed, ev.device_id, ev.seq, en.wall_time, en.received_at
            FROM events ev JOIN entries en ON en.device_id = ev.device_id AND en.seq = ev.seq
            WHERE ev.batch_code = ? ORDER BY ev.hlc
            """,
            code.digits
        ).map { row in
            TimelineEvent(
                event: try recordedEvent(row), deviceId: try row.text("device_id"), seq: try row.integer("seq"),
                deviceTime: try row.integer("wall_time"), receivedAt: try row.integer("received_at")
            )
        }
    }

    /// The server journal's entry `seq` (an admin's resolution or release) as devices pull it, its personal values
    /// opened; nil when there is none.
    public func serverEntry(_ seq: Int64) throws -> JournalEntry? {
        guard let row = try database.row(
            "SELECT seq, hlc, wall_time, author, kind, payload, sealed, prev FROM entries WHERE device_id = ? AND seq = ?",
            Self.serverDeviceId, seq
        ) else { return nil }
        return JournalEntry(
            deviceId: Self.serverDeviceId, seq: try row.integer("seq"), hlc: HLCTimestamp(try row.text("hlc"))!,
            wallTime: try row.integer("wall_time"), author: try row.text("author"), kind: EventKind(rawValue: try row.text("kind"))!,
            payload: try personalData.open(try row.text("payload"), envelope: row.string("sealed")), prev: try row.text("prev")
        )
    }

    /// How many entries the server rejected since `since` (milliseconds), by the node of the device that pushed them.
    public func rejectedEntries(since: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try database.query(
            """
            SELECT d.node, count(*) AS n FROM entries en JOIN devices d ON d.id = en.device_id
            WHERE en.verdict = ? AND en.received_at >= ? GROUP BY d.node
            """,
            Verdict.rejected.rawValue, since
        ) { counts[try row.text("node")] = Int(try row.integer("n")) }
        return counts
    }
}
