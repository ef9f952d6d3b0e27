import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// Accepted events after `cursor`, at most `limit`, each as the exchange's allow-list (`Disclosure`) shows it;
    /// a correction's fields as the kind of the event it corrects allows. Read from one snapshot; a page reads its
    /// own rows only (`server_log_feed`, `events_entry`), however long the log is.
    public func feed(after cursor: Int64, limit: Int) throws -> FeedPage {
        let limit = max(1, min(limit, Self.maxPullLimit))
        return try inSnapshot { try feedPage(after: cursor, limit: limit) }
    }

    /// The feed's page query: accepted entries after the cursor (argument 1), at most argument 2 of them.
    package static let feedPageSQL = """
        SELECT l.seq AS cursor, l.node, e.received_at, ev.id, ev.kind, ev.batch_code, ev.time, ev.body, ev.sealed
        FROM server_log l
        JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
        JOIN events ev ON ev.device_id = e.device_id AND ev.seq = e.seq
        WHERE l.kind = 'entry' AND l.rejected = 0 AND l.seq > ? ORDER BY l.seq LIMIT ?
        """

    private func feedPage(after cursor: Int64, limit: Int) throws -> FeedPage {
        let rows = try database.query(Self.feedPageSQL, cursor, limit + 1)
        let items = try rows.prefix(limit).map { row in
            guard let kind = EventKind(rawValue: try row.text("kind")) else { throw Self.badRow }
            // Opened first, so a value that only looks personal (a 15-digit certificate number) shows as recorded;
            // the allow-list then keeps every personal field out.
            let payload = try personalData.open(try row.text("body"), envelope: row.string("sealed"))
            let shown = Disclosure.disclose(kind: kind, payload: payload, correcting: try correctedKind(kind, payload),
                                            to: .exchange)
            return FeedPage.Item(
                cursor: try row.integer("cursor"), eventId: try row.text("id"), kind: kind,
                node: try row.text("node"), batchCode: row.string("batch_code"), time: row.int("time"),
                receivedAt: try row.integer("received_at"), fields: shown.object
            )
        }
        return FeedPage(formatVersion: 1, items: items, nextCursor: items.last?.cursor ?? cursor, more: rows.count > limit)
    }

    /// The kind of the event a correction corrects; nil for other kinds, or when the target is not stored.
    private func correctedKind(_ kind: EventKind, _ payload: JSONValue) throws -> EventKind? {
        guard kind == .correction, case .string(let target)? = payload["target"] else { return nil }
        return try database.row("SELECT kind FROM events WHERE id = ?", target)?.string("kind").flatMap(EventKind.init(rawValue:))
    }

    static let badRow = TraceSyncError(.internalError, zh: "存储的记录无法读取。", en: "a stored event could not be read.")
}
