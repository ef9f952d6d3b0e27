/// `GET /v1/export/feed`: accepted events for the provincial data exchange, in server order, resumable by cursor.
///
/// Stable format (version 1): each item has `cursor` (increasing; resume after the last one seen), `eventId`,
/// `kind`, `node`, `batchCode` (nil for operators), `time` (business time, ms since the Unix epoch), `receivedAt`,
/// `voided` (false at the time the event is fed; a later voiding is its own item of kind `voiding`), and `fields`:
/// the event as recorded, without prices and without buyers' names (trade secrets and personal data stay home).
public struct FeedPage: Codable, Hashable, Sendable {
    public struct Item: Codable, Hashable, Sendable {
        public let cursor: Int64
        public let eventId: String
        public let kind: EventKind
        public let node: String
        public let batchCode: String?
        public let time: Int64?
        public let receivedAt: Int64
        public let fields: JSONValue
    }

    public let formatVersion: Int
    public let items: [Item]
    public let nextCursor: Int64
    public let more: Bool
}

extension CentralStore {
    /// The members the feed leaves out of every event.
    static let confidentialFields: Set<String> = ["price", "buyerName", "idNumber", "phone"]

    /// Accepted events after `cursor`, at most `limit`.
    public func feed(after cursor: Int64, limit: Int) throws -> FeedPage {
        let limit = max(1, min(limit, Self.maxPullLimit))
        let rows = try database.query(
            """
            SELECT l.seq AS cursor, l.node, e.received_at, ev.id, ev.kind, ev.batch_code, ev.time, ev.body
            FROM server_log l
            JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            JOIN events ev ON ev.device_id = e.device_id AND ev.seq = e.seq
            WHERE l.kind = 'entry' AND l.rejected = 0 AND l.seq > ? ORDER BY l.seq LIMIT ?
            """,
            cursor, limit + 1
        )
        let items = try rows.prefix(limit).map { row in
            guard case .object(var fields) = try JSONValue.parse(row.string("body")!) else { throw Self.badRow }
            for name in Self.confidentialFields { fields[name] = nil }
            fields["eventId"] = nil
            return FeedPage.Item(
                cursor: row.int("cursor")!, eventId: row.string("id")!, kind: EventKind(rawValue: row.string("kind")!)!,
                node: row.string("node")!, batchCode: row.string("batch_code"), time: row.int("time"),
                receivedAt: row.int("received_at")!, fields: .object(fields)
            )
        }
        return FeedPage(formatVersion: 1, items: items, nextCursor: items.last?.cursor ?? cursor, more: rows.count > limit)
    }

    static let badRow = TraceSyncError("internal_error", zh: "存储的记录无法读取。", en: "a stored event could not be read.")
}
