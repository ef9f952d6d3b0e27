/// A batch's stored summary (its `batches` row), derived from its events: at once after a single recording, once
/// per batch at the end of a write that stores many events (a pulled page, an import).
extension FieldStore {
    /// Runs `body` with each batch's summary recomputed once, at its end, however many of the batch's events `body`
    /// stores: a pulled page holds a batch's receipt, tests and sales together. Inside another call it joins that
    /// one, whose end recomputes them.
    func materializingOnce<T>(_ body: () throws -> T) throws -> T {
        if deferredBatches != nil { return try body() }
        deferredBatches = [:]
        defer { deferredBatches = nil }
        let result = try body()
        let batches = deferredBatches ?? [:]
        deferredBatches = nil
        for digits in batches.keys.sorted() { try writeSummary(batches[digits]!) }
        return result
    }

    /// Recomputes the stored summary of batch `code` from its events (at the end of `materializingOnce` inside it).
    func materialize(_ code: TraceCode) throws {
        if deferredBatches != nil {
            deferredBatches?[code.digits] = code
            return
        }
        try writeSummary(code)
    }

    /// Stores the summary the events of batch `code` make, or removes it when they hold no receipt.
    private func writeSummary(_ code: TraceCode) throws {
        guard let state = try batchState(code) else {
            try database.run("DELETE FROM batches WHERE code = ?", code.digits)
            return
        }
        try database.run(
            """
            INSERT OR REPLACE INTO batches (code, node, product, operator_id, day, time, received, balance, status, flags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            code.digits, state.receipt.node, state.receipt.product, state.receipt.operatorId,
            BusinessTime.dayOf(state.receipt.time), state.receipt.time, state.received.description,
            state.balance.description, state.status.rawValue,
            state.flags.sorted().map(\.rawValue).joined(separator: ",")
        )
    }

    /// The events of batch `code` that count (every event but those the server rejected), those decoded before taken
    /// as they were (see `DecodedEvents`).
    func events(ofBatch code: TraceCode) throws -> [RecordedEvent] {
        try database.query(
            "SELECT id, kind, hlc, author, body FROM events WHERE batch_code = ? AND verdict != 'rejected' ORDER BY hlc",
            code.digits
        ).map { row in
            let id = try row.text("id")
            let source = DecodedEvents.Source(kind: try row.text("kind"), hlc: try row.text("hlc"),
                                              author: try row.text("author"), body: try row.text("body"))
            if let known = decodedEvents.event(id: id, source: source) { return known }
            let kind = try row.stored("kind", as: EventKind.self)
            let decoded = try EventBody.decode(kind: kind, payload: try JSONValue.parse(source.body))
            let event = RecordedEvent(id: decoded.id, hlc: try row.clock("hlc"), author: source.author,
                                      body: decoded.body)
            decodedEvents.hold(event, id: id, source: source)
            return event
        }
    }
}
