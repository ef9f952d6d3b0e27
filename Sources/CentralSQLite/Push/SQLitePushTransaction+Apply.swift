public import CentralCore
public import SyncCore

/// Writing a decided push: every row of a kind in multi-row statements, each batch's row once.
extension SQLitePushTransaction {
    func apply(_ write: LedgerWrite) throws {
        var rows = PushRows()
        let origins = try origins(of: write)
        for effect in write.preface { try apply(effect, node: write.node, at: write.receivedAt, rows: &rows, origins: origins) }
        for decided in write.entries {
            let entry = decided.entry, decision = decided.decision
            rows.entries.add(
                entry.deviceId, entry.seq, entry.hlc.description, entry.wallTime, entry.author, entry.kind.rawValue,
                decided.payload.text, decided.payload.envelope, entry.prev, entry.hash, write.receivedAt,
                decision.verdict.rawValue, decision.reasonCode,
                try decision.message.map { try JSONValue(encoding: $0).canonicalString }
            )
            rows.log.add(write.node, "entry", entry.deviceId, entry.seq, decision.verdict == .rejected)
            if let event = decision.event {
                rows.events.add(
                    event.id, event.body.batchCode?.digits, write.node, event.body.kind.rawValue, event.hlc.description,
                    entry.deviceId, entry.seq, event.author, event.body.time, decided.payload.text, decided.payload.envelope
                )
            }
            for effect in decision.effects {
                try apply(effect, node: write.node, at: write.receivedAt, rows: &rows, origins: origins)
            }
        }
        try rows.flush(into: database)
        try rows.flushBatches(into: database)
        _ = try self.rows("DELETE FROM orphans WHERE batch_code IN", rows.released)
        _ = try self.rows("UPDATE orphans SET flagged = 1 WHERE event_id IN", rows.flagged)
        if let device = write.device {
            try database.run("UPDATE devices SET acked_seq = ?, head_hash = ?, last_seen_at = ? WHERE id = ?",
                             device.head.seq, device.head.hash, write.receivedAt, device.id)
        }
    }

    private func apply(
        _ effect: MergeEffect, node: String, at time: Int64, rows: inout PushRows, origins: [String: EventOrigin]
    ) throws {
        switch effect {
        case .linkCode(let code, let batch, let eventId, let kind):
            rows.links.add(code.digits, batch.digits, eventId, kind.rawValue)
        case .recordCertificate(let certificate, let eventId, let operatorId):
            rows.certificates.add(certificate, eventId, operatorId)
        case .holdOrphan(let eventId, let batch):
            rows.holds.append((eventId, batch.digits, node, time))
        case .releaseOrphans(let batch):
            rows.holds.removeAll { $0.batch == batch.digits }
            rows.released.insert(batch.digits)
        case .flagOrphan(let eventId):
            rows.flagged.append(eventId)
        case .registerOperator(let registered, let eventId, let aliasOf):
            let record = try store.personalData.seal(JSONValue(encoding: registered))
            rows.operators.add(registered.id, registered.node, registered.name, registered.creditCode, record.text,
                               record.envelope, aliasOf, eventId)
            try store.saveLicences(of: registered, eventId: eventId)
        case .linkItems(let items, let batch, let eventId):
            for item in items { rows.items.add(item, batch.digits, eventId) }
        case .linkContainer(let code, let batch, let eventId, let level):
            rows.containers.add(code.digits, batch.digits, eventId, level.rawValue)
        case .saveEquipment(let state, let eventId):
            try saveEquipment(state, eventId: eventId)
        case .saveBatch(let state):
            if rows.batches.updateValue(state, forKey: state.code) == nil { rows.batchOrder.append(state.code) }
            savedStates[state.code] = state
        case .conflict(let change):
            // Rare: written at once, after everything before it, so the log keeps the order the merge found it in.
            try rows.flush(into: database)
            try record(change, at: time, origins: origins)
        }
    }

    /// Opens or grows the conflict `change` describes and logs it for the node's devices.
    private func record(_ change: ConflictChange, at time: Int64, origins: [String: EventOrigin]) throws {
        let finding = change.finding
        let key = ConflictBook.Key(kind: finding.kind, subject: finding.subject)
        let id: Int64
        if change.opens {
            try database.run(
                """
                INSERT INTO conflicts (kind, subject, node, batch_code, target, field, status, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
                """,
                finding.kind.rawValue, finding.subject, change.node, finding.batchCode, finding.target, finding.field, time
            )
            id = database.lastInsertRowID
            openConflictIds[key] = id
        } else {
            id = openConflictIds[key]!
        }
        var candidates = MultiRowInsert(
            "INSERT INTO conflict_candidates (conflict_id, event_id, position, candidate, sealed)", columns: 5
        )
        var position = change.firstPosition
        for ref in finding.candidates {
            guard let origin = origins[ref.eventId] else { continue }
            let sealed = try store.personalData.seal(JSONValue(encoding: ConflictCandidate(ref, origin: origin)))
            candidates.add(id, ref.eventId, position, sealed.text, sealed.envelope)
            position += 1
        }
        try candidates.flush(into: database)
        try store.logConflict(id)
    }

    /// Who recorded each event a conflict of `write` names: from the write's own entries, else from the store in
    /// one query.
    private func origins(of write: LedgerWrite) throws -> [String: EventOrigin] {
        var named: Set<String> = []
        for effect in write.preface + write.entries.flatMap(\.decision.effects) {
            if case .conflict(let change) = effect { named.formUnion(change.finding.candidates.map(\.eventId)) }
        }
        guard !named.isEmpty else { return [:] }
        var origins: [String: EventOrigin] = [:]
        for decided in write.entries {
            if let id = decided.decision.event?.id, named.contains(id) { origins[id] = EventOrigin(decided.entry) }
        }
        for row in try rows(
            """
            SELECT ev.id, ev.device_id, ev.seq, ev.author, ev.hlc, en.wall_time FROM events ev
            JOIN entries en ON en.device_id = ev.device_id AND en.seq = ev.seq WHERE ev.id IN
            """,
            named.subtracting(origins.keys)
        ) {
            origins[try row.text("id")] = EventOrigin(
                deviceId: try row.text("device_id"), seq: try row.integer("seq"), author: try row.text("author"),
                hlc: HLCTimestamp(try row.text("hlc"))!, deviceTime: try row.integer("wall_time")
            )
        }
        return origins
    }
}

/// The rows a push writes, buffered per table.
private struct PushRows {
    var entries = MultiRowInsert(
        """
        INSERT INTO entries (device_id, seq, hlc, wall_time, author, kind, payload, sealed, prev, hash, received_at,
                             verdict, reason_code, reason_message)
        """, columns: 14
    )
    var log = MultiRowInsert("INSERT INTO server_log (node, kind, device_id, entry_seq, rejected)", columns: 5)
    var events = MultiRowInsert(
        "INSERT INTO events (id, batch_code, node, kind, hlc, device_id, seq, author, time, body, sealed)", columns: 11
    )
    var links = MultiRowInsert("INSERT INTO trace_links (code, batch_code, event_id, kind)", columns: 4)
    var certificates = MultiRowInsert("INSERT INTO certificates (certificate, event_id, operator_id)", columns: 3)
    var items = MultiRowInsert("INSERT OR IGNORE INTO items (code, batch_code, event_id)", columns: 3)
    var containers = MultiRowInsert("INSERT OR IGNORE INTO containers (code, batch_code, event_id, level)", columns: 4)
    var operators = MultiRowInsert(
        "INSERT OR REPLACE INTO operators (id, node, name, credit_code, record, sealed, canonical_id, event_id)",
        columns: 8
    )
    var holds: [(eventId: String, batch: String, node: String, receivedAt: Int64)] = []
    /// Batches whose receipt arrived: their held events are no longer orphans.
    var released: Set<String> = []
    var flagged: [String] = []
    var batches: [TraceCode: BatchState] = [:]
    var batchOrder: [TraceCode] = []

    /// Writes the buffered rows but the batches', in order, and empties their buffers; the orphans released or
    /// flagged are the transaction's to write last.
    mutating func flush(into database: Database) throws {
        try entries.flush(into: database)
        try log.flush(into: database)
        try events.flush(into: database)
        try links.flush(into: database)
        try certificates.flush(into: database)
        try items.flush(into: database)
        try containers.flush(into: database)
        try operators.flush(into: database)
        var orphans = MultiRowInsert("INSERT INTO orphans (event_id, batch_code, node, received_at)", columns: 4)
        for hold in holds { orphans.add(hold.eventId, hold.batch, hold.node, hold.receivedAt) }
        try orphans.flush(into: database)
        holds.removeAll()
    }

    /// Writes each batch's last state, once.
    mutating func flushBatches(into database: Database) throws {
        var states = MultiRowInsert(
            """
            INSERT OR REPLACE INTO batches (code, node, product, operator_id, origin, upstream_code, day, time, unit,
                                            received, sold, disposed, balance, status, flags)
            """, columns: 15
        )
        for code in batchOrder {
            let state = batches[code]!, receipt = state.receipt
            states.add(
                code.digits, receipt.node, receipt.product, receipt.operatorId, receipt.origin,
                receipt.upstreamCode.map(UpstreamCode.key), BusinessTime.dayOf(receipt.time), receipt.time, receipt.unit,
                state.received.description, state.sold.description, state.disposed.description,
                state.balance.description, state.status.rawValue, state.flags.sorted().map(\.rawValue).joined(separator: ",")
            )
        }
        try states.flush(into: database)
        batches.removeAll()
        batchOrder.removeAll()
    }
}
