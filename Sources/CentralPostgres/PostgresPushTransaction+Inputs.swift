import CentralCore
import SyncCore

/// Reading a push's `MergeInputs` in a few set-based queries, each key list one array parameter (`= ANY($1)`).
extension PostgresPushTransaction {
    func inputs(for needs: MergeNeeds) throws -> MergeInputs {
        // The batches the push decides on are locked before they are read (sorted; see the type's notes).
        try lock(needs.batches.map { "batch:" + $0.digits })
        var inputs = MergeInputs()
        inputs.products = Set(try strings("SELECT code FROM products WHERE code = ANY($1)", needs.products))
        inputs.regions = Set(try strings("SELECT code FROM regions WHERE code = ANY($1)", needs.regions))
        try readOperators(needs, into: &inputs)
        inputs.takenCodes = Set(try strings("SELECT code FROM trace_links WHERE code = ANY($1)", needs.codes.map(\.digits))
            .compactMap { try? TraceCode(parsing: $0) })
        for row in try session.query(
            "SELECT certificate, event_id, operator_id FROM certificates WHERE certificate = ANY($1) ORDER BY certificate, event_id",
            .texts(Array(needs.certificates))
        ) {
            inputs.certificates[try row.text("certificate"), default: []].append(
                MergeInputs.CertificateHolder(eventId: try row.text("event_id"), operatorId: try row.text("operator_id"))
            )
        }
        try readBatches(needs.batches, into: &inputs)
        try readLicensing(needs, into: &inputs)
        inputs.conflicts = try readOpenConflicts(needs)
        inputs.equipment = try equipmentEvents(needs.equipment)
        return inputs
    }

    private func readOperators(_ needs: MergeNeeds, into inputs: inout MergeInputs) throws {
        func take(_ row: PGRow) throws {
            inputs.operators[try row.text("id")] = MergeInputs.OperatorFacts(
                node: try row.text("node"), creditCode: row.string("credit_code"), eventId: row.string("event_id"),
                canonicalId: row.string("canonical_id")
            )
        }
        for row in try session.query("SELECT id, node, credit_code, event_id, canonical_id FROM operators WHERE id = ANY($1)",
                                     .texts(Array(needs.operatorIds))) {
            try take(row)
        }
        for key in needs.creditKeys {
            let holders = try session.query(
                """
                SELECT id, node, credit_code, event_id, canonical_id FROM operators
                WHERE node = $1 AND credit_code = $2 AND canonical_id IS NULL ORDER BY added
                """,
                .text(key.node), .text(key.creditCode)
            )
            try holders.forEach(take)
            inputs.creditHolders[key] = try holders.map { try $0.text("id") }
        }
    }

    /// Each batch's state derived from its events (no cache across transactions: another server may have written
    /// the batch since); the events of batches whose receipt has not arrived are kept as held.
    private func readBatches(_ codes: Set<TraceCode>, into inputs: inout MergeInputs) throws {
        var events: [String: [RecordedEvent]] = [:]
        for row in try session.query(
            "SELECT id, kind, hlc, author, body, sealed, batch_code FROM events WHERE batch_code = ANY($1) ORDER BY batch_code, hlc",
            .texts(codes.map(\.digits))
        ) {
            events[try row.text("batch_code"), default: []].append(try recordedEvent(row))
        }
        for (digits, merged) in events {
            let code = try TraceCode(parsing: digits)
            if let state = BatchState.derive(code: code, events: merged) {
                inputs.batches[code] = state
            } else {
                inputs.heldEvents[code] = merged
            }
        }
    }

    /// Adds the licences on record to the operators read, and the facts of the products named or traded.
    private func readLicensing(_ needs: MergeNeeds, into inputs: inout MergeInputs) throws {
        let ids = Set(inputs.operators.keys).union(inputs.operators.values.compactMap(\.canonicalId))
        for row in try session.query(
            """
            SELECT operator_id, kind, number, valid_from, valid_until FROM operator_licences WHERE operator_id = ANY($1)
            ORDER BY operator_id, kind, number
            """,
            .texts(Array(ids))
        ) {
            let kind = try row.text("kind")
            guard let known = IdentifierKind(rawValue: kind) else {
                throw TraceSyncError(.internalError, zh: "许可证种类「\(kind)」未知。", en: "unknown licence kind \"\(kind)\" stored.")
            }
            inputs.operators[try row.text("operator_id")]?.licences.append(Licence(
                kind: known, number: try row.text("number"), validFrom: try row.text("valid_from"),
                validUntil: try row.text("valid_until")
            ))
        }
        let products = needs.products.union(inputs.batches.values.map(\.receipt.product))
            .union(inputs.heldEvents.values.joined().compactMap { event in
                if case .receipt(let receipt) = event.body { receipt.product } else { nil }
            })
        for row in try session.query("SELECT code, industry, restricted FROM products WHERE code = ANY($1)",
                                     .texts(Array(products))) {
            inputs.productFacts[try row.text("code")] = MergeInputs.ProductFacts(
                industry: Industry(rawValue: try row.text("industry")), restricted: row.bool("restricted") ?? false
            )
        }
    }

    /// The open conflicts of the batches and of the keys `needs` names, with their candidates' events in order.
    private func readOpenConflicts(_ needs: MergeNeeds) throws -> ConflictBook {
        var keys: [Int64: ConflictBook.Key] = [:]
        func take(_ row: PGRow) throws {
            guard let kind = ConflictKind(rawValue: try row.text("kind")) else { return }
            let key = ConflictBook.Key(kind: kind, subject: try row.text("subject"))
            keys[try row.integer("id")] = key
            openConflictIds[key] = try row.integer("id")
        }
        try session.query("SELECT id, kind, subject FROM conflicts WHERE status = 'open' AND batch_code = ANY($1)",
                          .texts(needs.batches.map(\.digits))).forEach(take)
        for (kind, subjects) in Dictionary(grouping: needs.conflicts, by: \.kind) {
            try session.query("SELECT id, kind, subject FROM conflicts WHERE status = 'open' AND kind = $1 AND subject = ANY($2)",
                              .text(kind.rawValue), .texts(subjects.map(\.subject))).forEach(take)
        }
        var open: [ConflictBook.Key: [String]] = [:]
        for key in keys.values { open[key] = [] }
        for row in try session.query(
            "SELECT conflict_id, event_id FROM conflict_candidates WHERE conflict_id = ANY($1) ORDER BY conflict_id, position",
            .ints(Array(keys.keys))
        ) {
            if let key = keys[try row.integer("conflict_id")] { open[key, default: []].append(try row.text("event_id")) }
        }
        return ConflictBook(open: open)
    }

    /// The merged life events of the units `codes` names, oldest HLC first, by unit.
    private func equipmentEvents(_ codes: Set<String>) throws -> [String: [RecordedEvent]] {
        guard !codes.isEmpty else { return [:] }
        var events: [String: [RecordedEvent]] = [:]
        for row in try session.query(
            """
            SELECT ev.id, ev.kind, ev.hlc, ev.author, ev.body, ev.sealed, q.equipment_code FROM equipment_events q
            JOIN events ev ON ev.id = q.event_id WHERE q.equipment_code = ANY($1) ORDER BY ev.hlc
            """,
            .texts(Array(codes))
        ) {
            events[try row.text("equipment_code"), default: []].append(try recordedEvent(row))
        }
        return events
    }

    /// The first column, as text, of `select` with `$1` bound to `keys`; nothing is asked for no key.
    private func strings(_ select: String, _ keys: some Collection<String>) throws -> [String] {
        guard !keys.isEmpty else { return [] }
        return try session.query(select, .texts(Array(keys))).compactMap { $0.string("code") }
    }
}
