package import CentralCore
package import SyncCore

/// The pull log on PostgreSQL, correct by construction under concurrent commits (issue 15).
///
/// A `server_log` position is `xid << 20 + ordinal`, where `xid` is the writing transaction's id
/// (`pg_current_xact_id()`), assigned when it first writes — not when it commits. Serving `WHERE pos > cursor`
/// alone would lose rows: a transaction with a smaller id may commit after a larger one was served. So a page
/// serves only rows whose `xid` is below the reading snapshot's `xmin` (`pg_snapshot_xmin(pg_current_snapshot())`):
/// every transaction below `xmin` has ended, so the set of such rows is final, and any transaction still to commit
/// has an id ≥ `xmin`, hence positions above every row served. A cursor therefore never passes a row that commits
/// later; the price is that a long-open write delays what pulls see until it ends (never loses it).
extension PostgresCentralStore: PullLog {
    /// The largest page a pull may ask for (as on SQLite).
    package static let maxPullLimit = 1_000

    package func pull(device: DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage {
        let limit = max(1, min(limit, Self.maxPullLimit))
        return try inSnapshot {
            let rows = try session.query(
                """
                SELECT l.pos AS cursor, l.kind AS log_kind, l.body AS log_body, l.sealed AS log_sealed, e.*
                FROM server_log l LEFT JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
                WHERE l.pos > $1
                  AND l.pos < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << \(PostgresPushTransaction.ordinalBits))
                  AND (l.node IS NULL OR (l.node = $2 AND (NOT l.rejected OR l.device_id = $3)))
                ORDER BY l.pos LIMIT $4
                """,
                .int(cursor), .text(device.node), .text(device.id), .int(Int64(limit + 1))
            )
            let items = try rows.prefix(limit).map(pullItem)
            return PullPage(items: items, nextCursor: items.last?.cursor ?? cursor, more: rows.count > limit,
                            generation: try generation())
        }
    }

    /// Runs `body` in a read-only REPEATABLE READ transaction: every query of it reads one snapshot. Inside a write
    /// it reads that write's transaction.
    func inSnapshot<T>(_ body: () throws -> T) throws -> T {
        guard current == nil else { return try body() }
        try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let result = try body()
            try session.query("COMMIT")
            return result
        } catch {
            _ = try? session.query("ROLLBACK")
            throw error
        }
    }

    /// The item a row of the page query holds: an entry with its verdict, or a master-data or conflict document.
    private func pullItem(_ row: PGRow) throws -> PullPage.Item {
        let position = try row.integer("cursor")
        switch try row.text("log_kind") {
        case "entry":
            let entry = try journalEntry(row)
            let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
            guard let verdict = Verdict(rawValue: try row.text("verdict")) else {
                throw TraceSyncError(.internalError, field: "verdict", zh: "存储的裁决值无效。", en: "a stored verdict is not valid.")
            }
            return PullPage.Item(cursor: position, item: .entry(entry, EntryVerdict(
                seq: entry.seq, verdict: verdict, reasonCode: row.string("reason_code"), message: message
            )))
        case let kind:
            let body = try personalDataCipher.open(try row.text("log_body"), envelope: row.string("log_sealed"))
            let item: PullItem = switch kind {
            case "product": .product(try body.decode(Product.self))
            case "region": .region(try body.decode(Region.self))
            case "conflict": .conflict(try body.decode(ConflictRecord.self))
            default: .operator(try body.decode(Operator.self))
            }
            return PullPage.Item(cursor: position, item: item)
        }
    }

    /// A stored journal entry (an `entries` row) with its personal values put back, exactly as the device sent it.
    func journalEntry(_ row: PGRow) throws -> JournalEntry {
        guard let kind = EventKind(rawValue: try row.text("kind")), let hlc = HLCTimestamp(try row.text("hlc")) else {
            throw TraceSyncError(.internalError, field: "entries", zh: "存储的日志记录无法读取。", en: "a stored journal entry cannot be read.")
        }
        let text = try row.text("payload")
        let parsed = try JSONValue.parse(text)
        // Stored payloads are canonical; one that is not was edited, so it is kept as text and cannot match its hash.
        let stored = parsed.canonicalString == text ? parsed : .string(text)
        return JournalEntry(
            deviceId: try row.text("device_id"), seq: try row.integer("seq"), hlc: hlc, wallTime: try row.integer("wall_time"),
            author: try row.text("author"), kind: kind,
            payload: try personalDataCipher.open(stored, text: text, envelope: row.string("sealed")),
            prev: try row.text("prev"), hash: try row.text("hash")
        )
    }
}
