import CentralCore
import SyncCore

/// Writing a decided push: every row of a kind in one `unnest` statement, each batch's row once.
extension PostgresPushTransaction {
    func apply(_ write: LedgerWrite) throws {
        if !write.node.isEmpty { try lock(["node:" + write.node]) }
        var rows = PostgresPushRows()
        let origins = try origins(of: write)
        for effect in write.preface { try apply(effect, node: write.node, at: write.receivedAt, rows: &rows, origins: origins) }
        for decided in write.entries {
            let entry = decided.entry, decision = decided.decision
            rows.entries.add(
                .text(entry.deviceId), .int(entry.seq), .text(entry.hlc.description), .int(entry.wallTime),
                .text(entry.author), .text(entry.kind.rawValue), .text(decided.payload.text), .text(decided.payload.envelope),
                .text(entry.prev), .text(entry.hash), .int(write.receivedAt), .text(decision.verdict.rawValue),
                .text(decision.reasonCode), .text(try decision.message.map { try JSONValue(encoding: $0).canonicalString })
            )
            rows.log.add(.int(try ordinals(1)[0]), .text(write.node), .text("entry"), .text(entry.deviceId),
                         .int(entry.seq), .bool(decision.verdict == .rejected))
            if let event = decision.event {
                rows.events.add(
                    .text(event.id), .text(event.body.batchCode?.digits), .text(write.node), .text(event.body.kind.rawValue),
                    .text(event.hlc.description), .text(entry.deviceId), .int(entry.seq), .text(event.author),
                    .int(event.body.time), .text(decided.payload.text), .text(decided.payload.envelope)
                )
            }
            for effect in decision.effects {
                try apply(effect, node: write.node, at: write.receivedAt, rows: &rows, origins: origins)
            }
        }
        try rows.flush(into: session)
        try rows.flushBatches(into: session)
        if !rows.released.isEmpty {
            try session.query("DELETE FROM orphans WHERE batch_code = ANY($1)", .texts(Array(rows.released)))
        }
        if !rows.flagged.isEmpty {
            try session.query("UPDATE orphans SET flagged = true WHERE event_id = ANY($1)", .texts(rows.flagged))
        }
        if let device = write.device {
            try session.query("UPDATE devices SET acked_seq = $1, head_hash = $2, last_seen_at = $3 WHERE id = $4",
                              .int(device.head.seq), .text(device.head.hash), .int(write.receivedAt), .text(device.id))
        }
    }

    private func apply(
        _ effect: MergeEffect, node: String, at time: Int64, rows: inout PostgresPushRows, origins: [String: EventOrigin]
    ) throws {
        switch effect {
        case .linkCode(let code, let batch, let eventId, let kind):
            rows.links.add(.text(code.digits), .text(batch.digits), .text(eventId), .text(kind.rawValue))
        case .recordCertificate(let certificate, let eventId, let operatorId):
            rows.certificates.add(.text(certificate), .text(eventId), .text(operatorId))
        case .holdOrphan(let eventId, let batch):
            rows.holds.append((eventId, batch.digits, node, time))
        case .releaseOrphans(let batch):
            rows.holds.removeAll { $0.batch == batch.digits }
            rows.released.insert(batch.digits)
        case .flagOrphan(let eventId):
            rows.flagged.append(eventId)
        case .registerOperator(let registered, let eventId, let aliasOf):
            // Rare: written at once (a re-registration replaces the row, keeping its place among the node's).
            try rows.flush(into: session)
            try store.saveOperator(registered, aliasOf: aliasOf, eventId: eventId)
        case .linkItems(let items, let batch, let eventId):
            for item in items { rows.items.add(.text(item), .text(batch.digits), .text(eventId)) }
        case .linkContainer(let code, let batch, let eventId, let level):
            rows.containers.add(.text(code.digits), .text(batch.digits), .text(eventId), .text(level.rawValue))
        case .saveEquipment(let state, let eventId):
            try saveEquipment(state, eventId: eventId)
        case .saveBatch(let state):
            if rows.batches.updateValue(state, forKey: state.code) == nil { rows.batchOrder.append(state.code) }
        case .conflict(let change):
            // Rare: written at once, after everything before it, so the log keeps the order the merge found it in.
            try rows.flush(into: session)
            try record(change, at: time, origins: origins)
        }
    }

    /// Opens or grows the conflict `change` describes and logs it for the node's devices.
    private func record(_ change: ConflictChange, at time: Int64, origins: [String: EventOrigin]) throws {
        let finding = change.finding
        let key = ConflictBook.Key(kind: finding.kind, subject: finding.subject)
        let id: Int64
        if change.opens {
            id = try session.row(
                """
                INSERT INTO conflicts (kind, subject, node, batch_code, target, field, status, opened_at)
                VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) RETURNING id
                """,
                .text(finding.kind.rawValue), .text(finding.subject), .text(change.node), .text(finding.batchCode),
                .text(finding.target), .text(finding.field), .int(time)
            )!.integer("id")
            openConflictIds[key] = id
        } else if let known = openConflictIds[key] {
            id = known
        } else {
            throw TraceSyncError(.internalError, field: "conflicts", zh: "要补充的冲突不在本次读取的未结冲突中。",
                                 en: "the conflict to grow is not among the open conflicts this write read.")
        }
        var candidates = UnnestInsert(
            "INSERT INTO conflict_candidates (conflict_id, event_id, position, candidate, sealed)",
            [.int, .text, .int, .text, .nullableText]
        )
        var position = Int64(change.firstPosition)
        for ref in finding.candidates {
            guard let origin = origins[ref.eventId] else { continue }
            let sealed = try cipher.seal(JSONValue(encoding: ConflictCandidate(ref, origin: origin)))
            candidates.add(.int(id), .text(ref.eventId), .int(position), .text(sealed.text), .text(sealed.envelope))
            position += 1
        }
        try candidates.flush(into: session)
        try log(kind: "conflict", node: change.node, body: try JSONValue(encoding: try store.conflict(id)))
    }

    /// Appends a document to the server log at this transaction's next position; `node` nil means every device.
    func log(kind: String, node: String?, body: JSONValue) throws {
        let sealed = try cipher.seal(body)
        try session.query(
            "INSERT INTO server_log (pos, node, kind, body, sealed) VALUES (\(Self.positionSQL("$1")), $2, $3, $4, $5)",
            .int(try ordinals(1)[0]), .text(node), .text(kind), .text(sealed.text), .text(sealed.envelope)
        )
    }

    /// Names `eventId` one of unit `state.code`'s events and writes the unit's row as `state` makes it.
    private func saveEquipment(_ state: EquipmentState, eventId: String) throws {
        try session.query("INSERT INTO equipment_events (event_id, equipment_code) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                          .text(eventId), .text(state.code))
        let inspection = state.lastInspection
        try session.query(
            """
            INSERT INTO equipment_units (code, node, kind, registration_number, user_name, location, registered_at,
                installed_at, last_inspected_at, last_passed, next_due, last_repair_at, decommissioned_at, late_events,
                event_count)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (code) DO UPDATE SET node = excluded.node, kind = excluded.kind,
                registration_number = excluded.registration_number, user_name = excluded.user_name,
                location = excluded.location, registered_at = excluded.registered_at,
                installed_at = excluded.installed_at, last_inspected_at = excluded.last_inspected_at,
                last_passed = excluded.last_passed, next_due = excluded.next_due,
                last_repair_at = excluded.last_repair_at, decommissioned_at = excluded.decommissioned_at,
                late_events = excluded.late_events, event_count = excluded.event_count
            """,
            .text(state.code), .text(state.node), .text(state.kind?.rawValue), .text(state.registrationNumber),
            .text(state.user), .text(state.location), .int(state.registeredAt), .int(state.installedAt),
            .int(inspection?.time), .bool(inspection?.passed), .text(inspection?.nextDue), .int(state.lastRepairAt),
            .int(state.decommissionedAt), .int(Int64(state.lateEventIds.count)), .int(Int64(state.eventCount))
        )
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
        let missing = named.subtracting(origins.keys)
        guard !missing.isEmpty else { return origins }
        for row in try session.query(
            """
            SELECT ev.id, ev.device_id, ev.seq, ev.author, ev.hlc, en.wall_time FROM events ev
            JOIN entries en ON en.device_id = ev.device_id AND en.seq = ev.seq WHERE ev.id = ANY($1)
            """,
            .texts(Array(missing))
        ) {
            guard let hlc = HLCTimestamp(try row.text("hlc")) else { continue }
            origins[try row.text("id")] = EventOrigin(
                deviceId: try row.text("device_id"), seq: try row.integer("seq"), author: try row.text("author"),
                hlc: hlc, deviceTime: try row.integer("wall_time")
            )
        }
        return origins
    }
}

/// The rows a push writes, buffered per table.
struct PostgresPushRows {
    var entries = UnnestInsert(
        """
        INSERT INTO entries (device_id, seq, hlc, wall_time, author, kind, payload, sealed, prev, hash, received_at,
                             verdict, reason_code, reason_message)
        """,
        [.text, .int, .text, .int, .text, .text, .text, .nullableText, .text, .text, .int, .text, .nullableText,
         .nullableText]
    )
    var log: UnnestInsert = {
        var log = UnnestInsert("INSERT INTO server_log (pos, node, kind, device_id, entry_seq, rejected)",
                               [.int, .text, .text, .text, .int, .bool])
        log.expressions[0] = { PostgresPushTransaction.positionSQL($0) }
        return log
    }()
    var events = UnnestInsert(
        "INSERT INTO events (id, batch_code, node, kind, hlc, device_id, seq, author, time, body, sealed)",
        [.text, .nullableText, .text, .text, .text, .text, .int, .text, .nullableInt, .text, .nullableText]
    )
    var links = UnnestInsert("INSERT INTO trace_links (code, batch_code, event_id, kind)", [.text, .text, .text, .text])
    var certificates = UnnestInsert("INSERT INTO certificates (certificate, event_id, operator_id)", [.text, .text, .text],
                                    tail: "ON CONFLICT DO NOTHING")
    var items = UnnestInsert("INSERT INTO items (code, batch_code, event_id)", [.text, .text, .text],
                             tail: "ON CONFLICT DO NOTHING")
    var containers = UnnestInsert("INSERT INTO containers (code, batch_code, event_id, level)", [.text, .text, .text, .text],
                                  tail: "ON CONFLICT DO NOTHING")
    var holds: [(eventId: String, batch: String, node: String, receivedAt: Int64)] = []
    /// Batches whose receipt arrived: their held events are no longer orphans.
    var released: Set<String> = []
    var flagged: [String] = []
    var batches: [TraceCode: BatchState] = [:]
    var batchOrder: [TraceCode] = []

    /// Writes the buffered rows but the batches', in order, and empties their buffers.
    mutating func flush(into session: PostgresSession) throws {
        try entries.flush(into: session)
        try log.flush(into: session)
        try events.flush(into: session)
        try links.flush(into: session)
        try certificates.flush(into: session)
        try items.flush(into: session)
        try containers.flush(into: session)
        var orphans = UnnestInsert("INSERT INTO orphans (event_id, batch_code, node, received_at)",
                                   [.text, .text, .text, .int], tail: "ON CONFLICT (event_id) DO NOTHING")
        for hold in holds { orphans.add(.text(hold.eventId), .text(hold.batch), .text(hold.node), .int(hold.receivedAt)) }
        try orphans.flush(into: session)
        holds.removeAll()
    }

    /// Writes each batch's last state, once.
    mutating func flushBatches(into session: PostgresSession) throws {
        var states = UnnestInsert(
            """
            INSERT INTO batches (code, node, product, operator_id, origin, upstream_code, day, time, unit, received, sold,
                                 disposed, balance, status, flags)
            """,
            [.text, .text, .text, .text, .text, .nullableText, .text, .int, .text, .text, .text, .text, .text, .text, .text],
            tail: """
                ON CONFLICT (code) DO UPDATE SET node = excluded.node, product = excluded.product,
                    operator_id = excluded.operator_id, origin = excluded.origin, upstream_code = excluded.upstream_code,
                    day = excluded.day, time = excluded.time, unit = excluded.unit, received = excluded.received,
                    sold = excluded.sold, disposed = excluded.disposed, balance = excluded.balance,
                    status = excluded.status, flags = excluded.flags
                """
        )
        for code in batchOrder {
            guard let state = batches[code] else { continue }
            let receipt = state.receipt
            states.add(
                .text(code.digits), .text(receipt.node), .text(receipt.product), .text(receipt.operatorId),
                .text(receipt.origin), .text(receipt.upstreamCode.map(UpstreamCode.key)), .text(BusinessTime.dayOf(receipt.time)),
                .int(receipt.time), .text(receipt.unit), .text(state.received.description), .text(state.sold.description),
                .text(state.disposed.description), .text(state.balance.description), .text(state.status.rawValue),
                .text(state.flags.sorted().map(\.rawValue).joined(separator: ","))
            )
        }
        try states.flush(into: session)
        batches.removeAll()
        batchOrder.removeAll()
    }
}
