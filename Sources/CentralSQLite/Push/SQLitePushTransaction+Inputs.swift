public import CentralCore
public import SyncCore

/// Reading a push's `MergeInputs` in a few set-based queries.
extension SQLitePushTransaction {
    /// Keys per `IN (…)` list, well under SQLite's limit on bound parameters.
    static let chunk = 512

    func inputs(for needs: MergeNeeds) throws -> MergeInputs {
        var inputs = MergeInputs()
        inputs.products = Set(try strings("SELECT code FROM products WHERE code IN", needs.products))
        inputs.regions = Set(try strings("SELECT code FROM regions WHERE code IN", needs.regions))
        try readOperators(needs, into: &inputs)
        inputs.takenCodes = Set(try strings("SELECT code FROM trace_links WHERE code IN", needs.codes.map(\.digits))
            .compactMap { try? TraceCode(parsing: $0) })
        for row in try rows(
            "SELECT certificate, event_id, operator_id FROM certificates WHERE certificate IN", needs.certificates,
            orderBy: "certificate, event_id"
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
        func take(_ row: Row) throws {
            inputs.operators[try row.text("id")] = MergeInputs.OperatorFacts(
                node: try row.text("node"), creditCode: row.string("credit_code"), eventId: row.string("event_id"),
                canonicalId: row.string("canonical_id")
            )
        }
        for row in try rows("SELECT id, node, credit_code, event_id, canonical_id FROM operators WHERE id IN",
                            needs.operatorIds) {
            try take(row)
        }
        for key in needs.creditKeys {
            let holders = try database.query(
                """
                SELECT id, node, credit_code, event_id, canonical_id FROM operators
                WHERE node = ? AND credit_code = ? AND canonical_id IS NULL ORDER BY rowid
                """,
                key.node, key.creditCode
            )
            try holders.forEach(take)
            inputs.creditHolders[key] = try holders.map { try $0.text("id") }
        }
    }

    /// Each batch's state, from the store's cache when it still holds as many events as the store, else derived
    /// from its events; the events of batches whose receipt has not arrived are kept as held.
    private func readBatches(_ codes: Set<TraceCode>, into inputs: inout MergeInputs) throws {
        var counts: [String: Int] = [:]
        for row in try rows("SELECT batch_code, count(*) AS n FROM events WHERE batch_code IN", codes.map(\.digits),
                            groupBy: "batch_code") {
            counts[try row.text("batch_code")] = Int(try row.integer("n"))
        }
        var toRead: [String] = []
        for code in codes {
            guard let count = counts[code.digits] else { continue }
            if let kept = store.batchStates.state(code, eventCount: count) {
                inputs.batches[code] = kept
            } else {
                toRead.append(code.digits)
            }
        }
        var events: [String: [RecordedEvent]] = [:]
        for row in try rows("SELECT id, kind, hlc, author, body, sealed, batch_code FROM events WHERE batch_code IN",
                            toRead, orderBy: "batch_code, hlc") {
            events[try row.text("batch_code"), default: []].append(try store.recordedEvent(row))
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

    /// The open conflicts of the batches and of the keys `needs` names, with their candidates' events in order.
    private func readOpenConflicts(_ needs: MergeNeeds) throws -> ConflictBook {
        var keys: [Int64: ConflictBook.Key] = [:]
        func take(_ row: Row) throws {
            let key = ConflictBook.Key(kind: ConflictKind(rawValue: try row.text("kind"))!, subject: try row.text("subject"))
            keys[try row.integer("id")] = key
            openConflictIds[key] = try row.integer("id")
        }
        try rows("SELECT id, kind, subject FROM conflicts WHERE status = 'open' AND batch_code IN",
                 needs.batches.map(\.digits)).forEach(take)
        for (kind, subjects) in Dictionary(grouping: needs.conflicts, by: \.kind) {
            try rows("SELECT id, kind, subject FROM conflicts WHERE status = 'open' AND kind = '\(kind.rawValue)' AND subject IN",
                     subjects.map(\.subject)).forEach(take)
        }
        var open: [ConflictBook.Key: [String]] = [:]
        for key in keys.values { open[key] = [] }
        for row in try rows("SELECT conflict_id, event_id FROM conflict_candidates WHERE conflict_id IN", Array(keys.keys),
                            orderBy: "conflict_id, position") {
            open[keys[try row.integer("conflict_id")]!]!.append(try row.text("event_id"))
        }
        return ConflictBook(open: open)
    }

    /// The first column of `select` `(keys…)`, over every key in chunks.
    private func strings(_ select: String, _ keys: some Collection<String>) throws -> [String] {
        try rows(select, keys).compactMap { if case .text(let text) = $0[0] { text } else { nil } }
    }

    /// The rows of `select` `(keys…)` with an optional `GROUP BY`/`ORDER BY`, over every key in chunks (ordered
    /// within each chunk). A chunk's list is padded to a power of two with its last key, so that few statements
    /// are prepared and cached.
    func rows(
        _ select: String, _ keys: some Collection<some DatabaseValueConvertible>, groupBy: String? = nil,
        orderBy: String? = nil
    ) throws -> [Row] {
        let all = Array(keys)
        var found: [Row] = []
        for start in stride(from: 0, to: all.count, by: Self.chunk) {
            var part = Array(all[start..<min(all.count, start + Self.chunk)])
            let padded = 1 << (Int.bitWidth - (part.count - 1).leadingZeroBitCount)
            part += Array(repeating: part.last!, count: max(0, padded - part.count))
            let sql = select + " (" + Array(repeating: "?", count: part.count).joined(separator: ", ") + ")"
                + (groupBy.map { " GROUP BY " + $0 } ?? "") + (orderBy.map { " ORDER BY " + $0 } ?? "")
            found += try database.query(sql, part.map { $0 as any DatabaseValueConvertible })
        }
        return found
    }
}
