public import CentralCore
public import SyncCore

/// The SQLite backend of `PushLedgerTransaction`: what a push reads and writes inside the store's write
/// transaction (`CentralStore.write(_:)`).
final class SQLitePushTransaction: PushLedgerTransaction {
    let store: CentralStore
    var database: Database { store.database }
    /// The ids of the open conflicts read or opened in this transaction, by kind and subject.
    var openConflictIds: [ConflictBook.Key: Int64] = [:]
    /// The batch states written, for the store's cache once the transaction commits.
    var savedStates: [TraceCode: BatchState] = [:]

    init(store: CentralStore) {
        self.store = store
    }

    func head(device: String) throws -> JournalHead {
        guard let row = try database.row("SELECT acked_seq, head_hash FROM devices WHERE id = ?", device) else {
            return .empty
        }
        return JournalHead(seq: row.int("acked_seq") ?? 0, hash: row.string("head_hash") ?? JournalEntry.genesis)
    }

    func storedVerdicts(device: String, seqs: ClosedRange<Int64>) throws -> [Int64: StoredVerdict] {
        var stored: [Int64: StoredVerdict] = [:]
        for row in try database.query(
            "SELECT seq, hash, verdict, reason_code, reason_message FROM entries WHERE device_id = ? AND seq BETWEEN ? AND ?",
            device, seqs.lowerBound, seqs.upperBound
        ) {
            let seq = try row.integer("seq")
            let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
            stored[seq] = StoredVerdict(hash: try row.text("hash"), verdict: EntryVerdict(
                seq: seq, verdict: Verdict(rawValue: try row.text("verdict"))!, reasonCode: row.string("reason_code"),
                message: message
            ))
        }
        return stored
    }

    func recordViolation(_ violation: IntegrityViolation) throws {
        try database.run(
            """
            INSERT INTO integrity_violations (device_id, seq, kind, stored_hash, offered_hash, detected_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            violation.deviceId, violation.seq, violation.kind.rawValue, violation.storedHash, violation.offeredHash,
            violation.detectedAt
        )
    }

    func unflaggedOrphans() throws -> [HeldOrphan] {
        try unflaggedOrphans(receivedBefore: .max)
    }

    /// A range of the index `orphans_age (flagged, received_at)`: only the orphans past the cutoff are read.
    func unflaggedOrphans(receivedBefore cutoff: Int64) throws -> [HeldOrphan] {
        try database.query(
            Self.orphansPastCutoffSQL, cutoff
        ).map {
            HeldOrphan(eventId: try $0.text("event_id"), batchCode: try $0.text("batch_code"), node: try $0.text("node"),
                       receivedAt: try $0.integer("received_at"))
        }
    }

    /// The unflagged orphans received before `?1`, oldest first.
    static let orphansPastCutoffSQL = """
        SELECT event_id, batch_code, node, received_at FROM orphans
        WHERE flagged = 0 AND received_at < ?1 ORDER BY received_at, rowid
        """

    func serverJournalHead() throws -> (head: JournalHead, latestHLC: HLCTimestamp?) {
        let last = try database.row(
            "SELECT seq, hash FROM entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1", ServerJournal.deviceId
        )
        let latest = try database.row("SELECT max(hlc) AS hlc FROM entries")?.string("hlc").flatMap(HLCTimestamp.init)
        return (try last.map { JournalHead(seq: try $0.integer("seq"), hash: try $0.text("hash")) } ?? .empty, latest)
    }

    func generation() throws -> String { try store.generation() }
}
