import CentralCore
import SyncCore

/// The PostgreSQL backend of `PushLedgerTransaction`: what a push reads and writes inside one PostgreSQL transaction
/// (`PostgresCentralStore.write(_:)`).
///
/// **Serialisation by the database.** Before it reads what it will decide on, the transaction takes
/// transaction-scoped advisory locks (`pg_advisory_xact_lock`, released at commit or rollback): its device's
/// (`head(device:)`), then the device's node's, then those of the batches the push names (`inputs(for:)`, in
/// sorted order), the nodes of the orphans it may flag (`unflaggedOrphans()`), and the server journal's
/// (`serverJournalHead()`). Another server's push of the same device, node or batch waits for the lock, and then —
/// READ COMMITTED reads a fresh snapshot per statement — reads what the first one committed: no lost update, no
/// missed conflict. Locks taken in different orders may deadlock; PostgreSQL then aborts one transaction and the
/// store retries it (`write(_:)`).
///
/// **Log positions.** Each `server_log` row gets `logPosition`: this transaction's id (`pg_current_xact_id()`)
/// shifted left by 20 bits plus the row's ordinal in the transaction, so the rows of one transaction are
/// contiguous and ordered, and the pull serves a row only once every transaction with a smaller id has ended.
final class PostgresPushTransaction: PushLedgerTransaction {
    let store: PostgresCentralStore
    var session: PostgresSession { store.session }
    var cipher: PersonalDataCipher { store.personalDataCipher }
    /// The advisory-lock keys this transaction holds.
    private var held: Set<String> = []
    /// The next ordinal of a `server_log` row in this transaction.
    private(set) var nextOrdinal: Int64 = 0
    /// The ids of the open conflicts read or opened in this transaction, by kind and subject.
    var openConflictIds: [ConflictBook.Key: Int64] = [:]

    /// Rows of one transaction in the log: at most 2^20.
    static let ordinalBits: Int64 = 20

    init(store: PostgresCentralStore) {
        self.store = store
    }

    /// Takes the advisory locks of `keys` not held yet, in sorted order, each held until the transaction ends.
    func lock(_ keys: some Sequence<String>) throws {
        let fresh = Set(keys).subtracting(held).sorted()
        guard !fresh.isEmpty else { return }
        try session.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS u(k)", .texts(fresh)
        )
        held.formUnion(fresh)
    }

    /// `count` consecutive ordinals for new `server_log` rows; the SQL makes positions of them (`positionSQL`).
    func ordinals(_ count: Int) throws -> [Int64] {
        let first = nextOrdinal
        nextOrdinal += Int64(count)
        guard nextOrdinal < 1 << Self.ordinalBits else {
            throw TraceSyncError(.internalError, field: "server_log",
                                 zh: "一次写入的日志行超过 \(1 << Self.ordinalBits) 行，请分批推送。",
                                 en: "one write logs more than \(1 << Self.ordinalBits) rows: push in smaller parts.")
        }
        return Array(first..<nextOrdinal)
    }

    /// The position of a `server_log` row of this transaction with ordinal `ordinal` (an SQL expression).
    static func positionSQL(_ ordinal: String) -> String {
        "((pg_current_xact_id()::text::bigint << \(ordinalBits)) + \(ordinal))"
    }

    func head(device: String) throws -> JournalHead {
        try lock(["device:" + device])
        guard let row = try session.row("SELECT node, acked_seq, head_hash FROM devices WHERE id = $1", .text(device)) else {
            return .empty
        }
        try lock(["node:" + (try row.text("node"))])
        return JournalHead(seq: try row.integer("acked_seq"), hash: try row.text("head_hash"))
    }

    func storedVerdicts(device: String, seqs: ClosedRange<Int64>) throws -> [Int64: StoredVerdict] {
        var stored: [Int64: StoredVerdict] = [:]
        for row in try session.query(
            "SELECT seq, hash, verdict, reason_code, reason_message FROM entries WHERE device_id = $1 AND seq BETWEEN $2 AND $3",
            .text(device), .int(seqs.lowerBound), .int(seqs.upperBound)
        ) {
            let seq = try row.integer("seq")
            let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
            guard let verdict = Verdict(rawValue: try row.text("verdict")) else {
                throw TraceSyncError(.internalError, field: "verdict", zh: "存储的裁决值无效。", en: "a stored verdict is not valid.")
            }
            stored[seq] = StoredVerdict(hash: try row.text("hash"), verdict: EntryVerdict(
                seq: seq, verdict: verdict, reasonCode: row.string("reason_code"), message: message
            ))
        }
        return stored
    }

    func recordViolation(_ violation: IntegrityViolation) throws {
        try session.query(
            """
            INSERT INTO integrity_violations (device_id, seq, kind, stored_hash, offered_hash, detected_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            .text(violation.deviceId), .int(violation.seq), .text(violation.kind.rawValue), .text(violation.storedHash),
            .text(violation.offeredHash), .int(violation.detectedAt)
        )
    }

    /// The unflagged orphans, read again after locking their nodes, so that two servers never flag one twice.
    func unflaggedOrphans() throws -> [HeldOrphan] {
        try orphans(receivedBefore: nil)
    }

    /// The unflagged orphans received before `cutoff`, read again after locking their nodes.
    func unflaggedOrphans(receivedBefore cutoff: Int64) throws -> [HeldOrphan] {
        try orphans(receivedBefore: cutoff)
    }

    private func orphans(receivedBefore cutoff: Int64?) throws -> [HeldOrphan] {
        func read() throws -> [HeldOrphan] {
            try session.query(
                """
                SELECT event_id, batch_code, node, received_at FROM orphans
                WHERE NOT flagged AND ($1::bigint IS NULL OR received_at < $1) ORDER BY received_at, added
                """,
                .int(cutoff)
            ).map {
                HeldOrphan(eventId: try $0.text("event_id"), batchCode: try $0.text("batch_code"),
                           node: try $0.text("node"), receivedAt: try $0.integer("received_at"))
            }
        }
        let first = try read()
        let nodes = Set(first.map { "node:" + $0.node })
        guard !nodes.isSubset(of: held) else { return first }
        try lock(nodes)
        return try read()
    }

    func serverJournalHead() throws -> (head: JournalHead, latestHLC: HLCTimestamp?) {
        try lock(["journal:" + ServerJournal.deviceId])
        let last = try session.row(
            "SELECT seq, hash FROM entries WHERE device_id = $1 ORDER BY seq DESC LIMIT 1", .text(ServerJournal.deviceId)
        )
        let latest = try session.row("SELECT max(hlc) AS hlc FROM entries")?.string("hlc").flatMap(HLCTimestamp.init)
        return (try last.map { JournalHead(seq: try $0.integer("seq"), hash: try $0.text("hash")) } ?? .empty, latest)
    }

    func generation() throws -> String { try store.generation() }

    /// A merged event read from an `events` row (`id`, `kind`, `hlc`, `author`, `body`, `sealed`), opened.
    func recordedEvent(_ row: PGRow) throws -> RecordedEvent {
        try store.recordedEvent(row)
    }
}

extension PostgresCentralStore {
    /// A merged event read from an `events` row (`id`, `kind`, `hlc`, `author`, `body`, `sealed`), its personal values
    /// put back.
    func recordedEvent(_ row: PGRow) throws -> RecordedEvent {
        guard let kind = EventKind(rawValue: try row.text("kind")), let hlc = HLCTimestamp(try row.text("hlc")) else {
            throw TraceSyncError(.internalError, field: "events", zh: "存储的事件无法读取。", en: "a stored event cannot be read.")
        }
        let body = try personalDataCipher.open(try row.text("body"), envelope: row.string("sealed"))
        let decoded = try EventBody.decode(kind: kind, payload: body)
        return RecordedEvent(id: decoded.id, hlc: hlc, author: try row.text("author"), body: decoded.body)
    }
}
