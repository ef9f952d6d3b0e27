/// The journal: every local write appends one entry in the same transaction.
extension FieldStore {
    /// Records `body` as a new event: its journal entry, the event row, trace codes and the batch's derived state,
    /// all in one transaction.
    @discardableResult
    func append(_ body: EventBody, id: String = UUIDv7.make()) throws -> JournalEntry {
        try database.inTransaction { try appendInTransaction(body, id: id) }
    }

    /// `append` inside the caller's transaction, with no savepoint of its own: for a write of many entries that is
    /// all or nothing as a whole (an import), where a savepoint per entry would copy every page it touches aside.
    @discardableResult
    func appendInTransaction(_ body: EventBody, id: String = UUIDv7.make()) throws -> JournalEntry {
        precondition(database.isInTransaction, "appendInTransaction outside a transaction")
        let now = wallClock()
        let last = try journalCounter()
        let entry = JournalEntry(
            deviceId: identity.deviceId, seq: last.seq + 1, hlc: clock.tick(wallMillis: now),
            wallTime: now, author: identity.inspector, kind: body.kind, payload: try body.payload(id: id),
            prev: last.hash
        )
        let payload = entry.payload.canonicalString
        try database.run(
            """
            INSERT INTO journal (seq, device_id, hlc, wall_time, author, kind, payload, prev, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            entry.seq, entry.deviceId, entry.hlc.description, entry.wallTime, entry.author,
            entry.kind.rawValue, payload, entry.prev, entry.hash
        )
        try database.run("UPDATE device SET journal_seq = ?, journal_head = ?", entry.seq, entry.hash)
        try store(RecordedEvent(id: id, hlc: entry.hlc, author: entry.author, body: body), payload: payload,
                  deviceId: identity.deviceId, seq: entry.seq, verdict: nil)
        return entry
    }

    /// Stores an event (own and pending when `verdict` is nil, else pulled with its verdict) and updates what
    /// derives from it.
    /// - Parameter payload: the canonical text of the journal payload `event` was decoded from or encoded to, stored
    ///   as its body as it is (not encoded again).
    func store(_ event: RecordedEvent, payload: String, deviceId: String, seq: Int64, verdict: Verdict?) throws {
        try database.run(
            "INSERT INTO events (id, batch_code, kind, hlc, device_id, seq, author, body, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            event.id, event.body.batchCode?.digits, event.body.kind.rawValue, event.hlc.description,
            deviceId, seq, event.author, payload, verdict?.rawValue ?? "pending"
        )
        decodedEvents.hold(event, id: event.id, source: DecodedEvents.Source(
            kind: event.body.kind.rawValue, hlc: event.hlc.description, author: event.author, body: payload
        ))
        switch event.body {
        case .receipt(let receipt):
            try database.run("INSERT INTO trace_codes (code, batch_code, event_id) VALUES (?, ?, ?)",
                             receipt.batchCode.digits, receipt.batchCode.digits, event.id)
        case .sale(let sale):
            try database.run("INSERT INTO trace_codes (code, batch_code, event_id) VALUES (?, ?, ?)",
                             sale.childCode.digits, sale.batchCode.digits, event.id)
        case .operatorRegistration(let registered): try saveOperator(registered)
        default: break
        }
        if let code = event.body.batchCode { try materialize(code) }
    }

    /// Adds or updates an operator in the local master data, keeping a merge into another operator (its alias).
    func saveOperator(_ registered: Operator) throws {
        try database.run(
            """
            INSERT INTO operators (id, node, name, credit_code, record) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET node = excluded.node, name = excluded.name,
                credit_code = excluded.credit_code, record = excluded.record
            """,
            registered.id, registered.node, registered.name, registered.creditCode,
            try JSONValue(encoding: registered).canonicalString
        )
    }

    /// The journal's entries from `seq` on, in order, as stored.
    public func journalEntries(from seq: Int64 = 1, limit: Int = Int.max) throws -> [JournalEntry] {
        try database.query("SELECT * FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?", seq, limit).map { row in
            guard let entry = JournalEntry(row) else {
                throw ChainProblem(kind: .altered, seq: row.int("seq") ?? seq)
            }
            return entry
        }
    }

    /// Recomputes the journal's hash chain and checks it against the device's own records: its journal counter, the
    /// events it recorded and what the server acknowledged. Nil when all agree, else the first problem.
    public func verifyJournal() throws -> ChainProblem? {
        var check = ChainCheck()
        var last: Int64 = 0
        for row in try database.query("SELECT * FROM journal ORDER BY seq") {
            guard let entry = JournalEntry(row) else { return ChainProblem(kind: .altered, seq: row.int("seq") ?? 0) }
            if let problem = check.check(entry) { return problem }
            last = entry.seq
        }
        let counter = try journalCounter()
        let ownEventsPast = try database.query(
            "SELECT id FROM events WHERE device_id = ? AND seq > ? ORDER BY seq", identity.deviceId, last
        ).map { try $0.text("id") }
        let ownLast = try database.scalar("SELECT max(seq) FROM events WHERE device_id = ?", identity.deviceId) ?? 0
        let acked = try syncSettings()?.ackedSeq ?? 0
        let recorded = max(counter.seq, ownLast, acked)
        if recorded > last {
            return ChainProblem(kind: .truncated, seq: last + 1, lastRecorded: recorded, eventIds: ownEventsPast)
        }
        if counter.seq == last, counter.hash != check.head { return ChainProblem(kind: .altered, seq: last) }
        let unrecorded = try database.scalar(
            """
            SELECT j.seq FROM journal j LEFT JOIN events e ON e.device_id = j.device_id AND e.seq = j.seq
            WHERE e.id IS NULL ORDER BY j.seq LIMIT 1
            """
        )
        if let unrecorded { return ChainProblem(kind: .eventMissing, seq: unrecorded) }
        return nil
    }

    /// The last seq appended and its hash, as the device row keeps them (0 and the genesis hash before any entry).
    private func journalCounter() throws -> (seq: Int64, hash: String) {
        let row = try database.row("SELECT journal_seq, journal_head FROM device")
        return (try row?.optionalInteger("journal_seq") ?? 0, try row?.optionalText("journal_head") ?? JournalEntry.genesis)
    }

    /// The number of entries and the hash of the last one.
    public func journalHead() throws -> (count: Int64, hash: String) {
        let row = try database.row("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
        return (try row?.optionalInteger("seq") ?? 0, try row?.optionalText("hash") ?? JournalEntry.genesis)
    }
}
