public import CentralCore
public import SyncCore

/// Serving the server log to devices, page by page.
extension CentralStore {
    /// The largest page a pull may ask for.
    public static let maxPullLimit = 1_000

    /// Items after `cursor` in `device`'s scope: master data for everyone, its node's operators and entries (other
    /// devices' rejected entries excepted), and verdicts on its own entries.
    public func pull(device: DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage {
        let limit = max(1, min(limit, Self.maxPullLimit))
        let rows = try database.query(
            """
            SELECT l.seq AS cursor, l.kind AS log_kind, l.body AS log_body, l.sealed AS log_sealed, e.* FROM server_log l
            LEFT JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.seq > ?1 AND (l.node IS NULL OR l.node = ?2) AND (l.rejected = 0 OR l.device_id = ?3)
            ORDER BY l.seq LIMIT ?4
            """,
            cursor, device.node, device.id, limit + 1
        )
        let items = try rows.prefix(limit).map { row -> PullPage.Item in
            let position = row.int("cursor")!
            switch row.string("log_kind")! {
            case "entry":
                let entry = try journalEntry(row)!
                let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
                let verdict = EntryVerdict(
                    seq: entry.seq, verdict: Verdict(rawValue: row.string("verdict")!)!,
                    reasonCode: row.string("reason_code"), message: message
                )
                return PullPage.Item(cursor: position, item: .entry(entry, verdict))
            case let kind:
                let body = try personalData.open(row.string("log_body")!, envelope: row.string("log_sealed"))
                let item: PullItem = switch kind {
                case "product": .product(try body.decode(Product.self))
                case "region": .region(try body.decode(Region.self))
                case "conflict": .conflict(try body.decode(ConflictRecord.self))
                default: .operator(try body.decode(Operator.self))
                }
                return PullPage.Item(cursor: position, item: item)
            }
        }
        try database.run("UPDATE devices SET last_seen_at = ? WHERE id = ?", clock(), device.id)
        return PullPage(items: items, nextCursor: items.last?.cursor ?? cursor, more: rows.count > limit,
                        generation: try generation())
    }
}
