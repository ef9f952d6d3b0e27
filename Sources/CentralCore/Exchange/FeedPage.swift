public import SyncCore

/// `GET /v1/export/feed`: accepted events for the provincial data exchange, in server order, resumable by cursor.
///
/// Stable format (version 1): each item has `cursor` (increasing; resume after the last one seen), `eventId`,
/// `kind`, `node`, `batchCode` (nil for operators), `time` (business time, ms since the Unix epoch), `receivedAt`,
/// `voided` (false at the time the event is fed; a later voiding is its own item of kind `voiding`), and `fields`:
/// the event as recorded, without prices and without buyers' names (trade secrets and personal data stay home): the
/// members `Disclosure` lets the exchange see, a correction's fields included.
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

        package init(
            cursor: Int64, eventId: String, kind: EventKind, node: String, batchCode: String?, time: Int64?,
            receivedAt: Int64, fields: JSONValue
        ) {
            self.cursor = cursor
            self.eventId = eventId
            self.kind = kind
            self.node = node
            self.batchCode = batchCode
            self.time = time
            self.receivedAt = receivedAt
            self.fields = fields
        }
    }

    public let formatVersion: Int
    public let items: [Item]
    public let nextCursor: Int64
    public let more: Bool

    package init(formatVersion: Int, items: [Item], nextCursor: Int64, more: Bool) {
        self.formatVersion = formatVersion
        self.items = items
        self.nextCursor = nextCursor
        self.more = more
    }
}
