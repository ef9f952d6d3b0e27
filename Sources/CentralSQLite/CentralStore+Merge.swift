public import CentralCore
public import SyncCore

/// Storing entries and merging their events into batches and trace links.
extension CentralStore: MergeLookup {
    public func productExists(_ code: String) throws -> Bool {
        try database.row("SELECT 1 FROM products WHERE code = ?", code) != nil
    }

    public func regionExists(_ code: String) throws -> Bool {
        try database.row("SELECT 1 FROM regions WHERE code = ?", code) != nil
    }

    public func operatorNode(_ id: String) throws -> String? {
        try database.row("SELECT node FROM operators WHERE id = ?", id)?.string("node")
    }

    public func operatorWithCreditCode(_ creditCode: String, node: String) throws -> (id: String, eventId: String?)? {
        try database.row(
            """
            SELECT id, event_id FROM operators WHERE node = ? AND credit_code = ? AND canonical_id IS NULL
            ORDER BY rowid LIMIT 1
            """,
            node, creditCode
        ).map { ($0.string("id")!, $0.string("event_id")) }
    }

    public func certificateHolders(_ certificate: String) throws -> [(eventId: String, operatorId: String)] {
        try database.query("SELECT event_id, operator_id FROM certificates WHERE certificate = ?", certificate)
            .map { ($0.string("event_id")!, $0.string("operator_id")!) }
    }

    public func candidate(eventId: String, value: String) throws -> ConflictCandidate? {
        try database.row(
            """
            SELECT ev.device_id, ev.seq, ev.author, ev.hlc, en.wall_time FROM events ev
            JOIN entries en ON en.device_id = ev.device_id AND en.seq = ev.seq WHERE ev.id = ?
            """,
            eventId
        ).map {
            ConflictCandidate(
                deviceId: $0.string("device_id")!, seq: $0.int("seq")!, eventId: eventId, author: $0.string("author")!,
                hlc: HLCTimestamp($0.string("hlc")!)!, deviceTime: $0.int("wall_time")!, value: value
            )
        }
    }

    public func batchEvents(_ code: TraceCode) throws -> [RecordedEvent] {
        try database.query(
            "SELECT id, kind, hlc, author, body, sealed FROM events WHERE batch_code = ? ORDER BY hlc", code.digits
        ).map(recordedEvent)
    }

    public func codeExists(_ code: TraceCode) throws -> Bool {
        try database.row("SELECT 1 FROM trace_links WHERE code = ?", code.digits) != nil
    }

    /// Stores an entry with its verdict, logs it for pull, and merges its event when applied.
    func store(_ entry: JournalEntry, decision: EntryDecision, node: String, receivedAt: Int64) throws {
        let payload = try personalData.seal(entry.payload)
        try database.run(
            """
            INSERT INTO entries (device_id, seq, hlc, wall_time, author, kind, payload, sealed, prev, hash, received_at,
                                 verdict, reason_code, reason_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            entry.deviceId, entry.seq, entry.hlc.description, entry.wallTime, entry.author, entry.kind.rawValue,
            payload.text, payload.envelope, entry.prev, entry.hash, receivedAt, decision.verdict.rawValue,
            decision.reasonCode, try decision.message.map { try JSONValue(encoding: $0).canonicalString }
        )
        try database.run(
            "INSERT INTO server_log (node, kind, device_id, entry_seq, rejected) VALUES (?, 'entry', ?, ?, ?)",
            node, entry.deviceId, entry.seq, decision.verdict == .rejected
        )
        guard let event = decision.event else { return }
        try database.run(
            """
            INSERT INTO events (id, batch_code, node, kind, hlc, device_id, seq, author, time, body, sealed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            event.id, event.body.batchCode?.digits, node, event.body.kind.rawValue, event.hlc.description,
            entry.deviceId, entry.seq, event.author, event.body.time, payload.text, payload.envelope
        )
        switch event.body {
        case .receipt(let receipt):
            try database.run("INSERT INTO trace_links (code, batch_code, event_id, kind) VALUES (?, ?, ?, 'batch')",
                             receipt.batchCode.digits, receipt.batchCode.digits, event.id)
            if let certificate = receipt.quarantineCert {
                try database.run("INSERT INTO certificates (certificate, event_id, operator_id) VALUES (?, ?, ?)",
                                 certificate, event.id, receipt.operatorId)
            }
            try database.run("DELETE FROM orphans WHERE batch_code = ?", receipt.batchCode.digits)
        case .sale(let sale):
            try database.run("INSERT INTO trace_links (code, batch_code, event_id, kind) VALUES (?, ?, ?, 'sale')",
                             sale.childCode.digits, sale.batchCode.digits, event.id)
        case .operatorRegistration(let registered):
            let record = try personalData.seal(JSONValue(encoding: registered))
            try database.run(
                """
                INSERT OR REPLACE INTO operators (id, node, name, credit_code, record, sealed, canonical_id, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                registered.id, registered.node, registered.name, registered.creditCode, record.text, record.envelope,
                decision.aliasOf, event.id
            )
        default: break
        }
        if decision.heldForBatch, let code = event.body.batchCode {
            try database.run("INSERT INTO orphans (event_id, batch_code, node, received_at) VALUES (?, ?, ?, ?)",
                             event.id, code.digits, node, receivedAt)
        }
        for finding in decision.conflicts { try record(finding, node: node, at: receivedAt) }
        if let after = decision.batchAfter {
            try save(after)
        } else if let code = event.body.batchCode {
            try materialize(code)
        }
    }

    /// Recomputes batch `code`'s derived columns from its merged events.
    func materialize(_ code: TraceCode) throws {
        guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { return }
        try save(state)
    }

    /// Writes a batch's derived columns.
    private func save(_ state: BatchState) throws {
        let code = state.code
        let receipt = state.receipt
        try database.run(
            """
            INSERT OR REPLACE INTO batches (code, node, product, operator_id, origin, upstream_code, day, time, unit,
                                            received, sold, disposed, balance, status, flags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            code.digits, receipt.node, receipt.product, receipt.operatorId, receipt.origin,
            receipt.upstreamCode.map(UpstreamCode.key),
            BusinessTime.dayOf(receipt.time), receipt.time, receipt.unit, state.received.description,
            state.sold.description, state.disposed.description, state.balance.description, state.status.rawValue,
            state.flags.sorted().map(\.rawValue).joined(separator: ",")
        )
    }
}
