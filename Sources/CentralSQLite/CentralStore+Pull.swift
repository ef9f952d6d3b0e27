public import CentralCore
public import SyncCore

/// Serving the server log to devices, page by page.
extension CentralStore {
    /// The largest page a pull may ask for.
    public static let maxPullLimit = 1_000

    /// Items after `cursor` in `device`'s scope: master data for everyone, its node's operators and entries (other
    /// devices' rejected entries excepted), and verdicts on its own entries. The page and the generation it carries
    /// are read from one snapshot. Writes nothing: the writer records when the device was last seen.
    public func pull(device: DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage {
        let limit = max(1, min(limit, Self.maxPullLimit))
        return try inSnapshot {
            let rows = try database.query(Self.pullPageSQL, cursor, device.node, device.id, limit + 1)
            let items = try rows.prefix(limit).map(pullItem)
            return PullPage(items: items, nextCursor: items.last?.cursor ?? cursor, more: rows.count > limit,
                            generation: try generation())
        }
    }

    /// The page query: the three parts of a device's scope (master data for every node, its node's accepted rows,
    /// its own rejected entries), each an index range scan in `seq` order, merged and cut at the page's size. Each
    /// part is read only as far as the merge needs, so a page reads about its own rows, however long the log is
    /// (no sort, no scan: `CentralPullPlanTests`). Arguments: the cursor, the device's node, the device, the page's
    /// size.
    package static let pullPageSQL = """
        SELECT l.seq AS cursor, l.kind AS log_kind, l.body AS log_body, l.sealed AS log_sealed, e.* FROM server_log l
        LEFT JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
        WHERE l.node IS NULL AND l.seq > ?1
        UNION ALL
        SELECT l.seq AS cursor, l.kind AS log_kind, l.body AS log_body, l.sealed AS log_sealed, e.* FROM server_log l
        LEFT JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
        WHERE l.node = ?2 AND l.rejected = 0 AND l.seq > ?1
        UNION ALL
        SELECT l.seq AS cursor, l.kind AS log_kind, l.body AS log_body, l.sealed AS log_sealed, e.* FROM server_log l
        LEFT JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
        WHERE l.device_id = ?3 AND l.rejected = 1 AND l.node = ?2 AND l.seq > ?1
        ORDER BY 1 LIMIT ?4
        """

    /// The indexes the page query and the exchange feed range over: a node's accepted rows and a device's rejected
    /// ones in `seq` order, the feed's accepted entries in `seq` order, and an entry's event (the feed's join, which
    /// otherwise built a temporary index of every event on each page).
    static let pullIndexesSQL = """
        CREATE INDEX IF NOT EXISTS server_log_accepted ON server_log (node, seq) WHERE rejected = 0;
        CREATE INDEX IF NOT EXISTS server_log_rejected ON server_log (device_id, seq) WHERE rejected = 1;
        CREATE INDEX IF NOT EXISTS server_log_feed ON server_log (seq) WHERE kind = 'entry' AND rejected = 0;
        CREATE INDEX IF NOT EXISTS events_entry ON events (device_id, seq);
        """

    /// The item a row of the page query holds: an entry with its verdict, or a master-data or conflict document.
    private func pullItem(_ row: Row) throws -> PullPage.Item {
        let position = try row.integer("cursor")
        switch try row.text("log_kind") {
        case "entry":
            let entry = try journalEntry(row)!
            let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
            let verdict = EntryVerdict(
                seq: entry.seq, verdict: Verdict(rawValue: try row.text("verdict"))!,
                reasonCode: row.string("reason_code"), message: message
            )
            return PullPage.Item(cursor: position, item: .entry(entry, verdict))
        case let kind:
            let body = try personalData.open(try row.text("log_body"), envelope: row.string("log_sealed"))
            let item: PullItem = switch kind {
            case "product": .product(try body.decode(Product.self))
            case "region": .region(try body.decode(Region.self))
            case "conflict": .conflict(try body.decode(ConflictRecord.self))
            default: .operator(try body.decode(Operator.self))
            }
            return PullPage.Item(cursor: position, item: item)
        }
    }
}
