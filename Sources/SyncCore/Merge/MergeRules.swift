import Foundation

/// Decides the verdict on an incoming entry from the store's current state: refusals, then conflicts
/// (`ConflictRules`). Pure: no I/O but the lookups.
public enum MergeRules {
    /// The decision for `entry` from a device of `deviceNode`.
    public static func decide(
        entry: JournalEntry, deviceNode: String, context: MergeContext, lookup: some MergeLookup
    ) throws -> EntryDecision {
        let decoded: (id: String, body: EventBody)
        do {
            decoded = try EventBody.decode(kind: entry.kind, payload: entry.payload)
            try checkNoUnknownFields(entry.payload, body: decoded.body, id: decoded.id)
        } catch let error as TraceSyncError {
            return .rejected(error)
        } catch let error as DecodingError {
            return .rejected(badPayload(error))
        }
        let event = RecordedEvent(id: decoded.id, hlc: entry.hlc, author: entry.author, body: decoded.body)
        let batch: BatchState?
        do {
            batch = try check(event.body, deviceNode: deviceNode, lookup: lookup)
        } catch let error as TraceSyncError {
            return .rejected(error)
        }
        let rules = ConflictRules(entry: entry, event: event, context: context, lookup: lookup)
        var existing: (id: String, eventId: String?)?
        if case .operatorRegistration(let registered) = event.body, let code = registered.creditCode,
           let found = try lookup.operatorWithCreditCode(code, node: registered.node), found.id != registered.id {
            existing = found
        }
        let after = try batchAfter(event, batch: batch, lookup: lookup)
        return .merged(
            event, conflicts: try rules.findings(batch: batch, after: after, existingOperator: existing),
            heldForBatch: batch == nil && event.body.kind != .receipt && event.body.batchCode != nil,
            aliasOf: existing?.id, batchAfter: after
        )
    }

    /// The event's batch with the event merged: `batch` and the event, or for a receipt the receipt and the events
    /// held for it; nil for master data and for an event whose batch has not arrived.
    private static func batchAfter(_ event: RecordedEvent, batch: BatchState?, lookup: some MergeLookup) throws -> BatchState? {
        if let batch { return BatchState.derive(code: batch.code, events: batch.lines.map(\.event) + [event]) }
        guard case .receipt(let receipt) = event.body else { return nil }
        return BatchState.derive(code: receipt.batchCode, events: try lookup.batchEvents(receipt.batchCode) + [event])
    }

    /// Refuses what cannot be merged; returns the batch the event belongs to, nil for a receipt, master data or an
    /// event whose batch has not arrived yet (an orphan, held).
    private static func check(_ body: EventBody, deviceNode: String, lookup: some MergeLookup) throws -> BatchState? {
        if let code = body.batchCode, code.node != deviceNode { throw Refusal.outOfScope(code.node) }
        switch body {
        case .receipt(let receipt):
            guard receipt.node == deviceNode else { throw Refusal.outOfScope(receipt.node) }
            guard try lookup.productExists(receipt.product) else { throw Refusal.unknown("product", receipt.product) }
            guard try lookup.regionExists(receipt.origin) else { throw Refusal.unknown("origin", receipt.origin) }
            try checkOperator(receipt.operatorId, field: "operatorId", deviceNode: deviceNode, lookup: lookup)
            guard try !lookup.codeExists(receipt.batchCode) else { throw Refusal.codeTaken(receipt.batchCode) }
            return nil
        case .operatorRegistration(let registered):
            guard registered.node == deviceNode else { throw Refusal.outOfScope(registered.node) }
            if let code = registered.creditCode, try CreditCode.validate(code, field: "creditCode") != code {
                // Stored and matched as sent: only the canonical upper-case form can be compared for duplicates.
                throw TraceSyncError(.creditCodeFormat, field: "creditCode",
                                     zh: "统一社会信用代码应为大写：「\(code)」。", en: "the credit code must be upper case: \"\(code)\".")
            }
            return nil
        case .release:
            throw Refusal.releaseByDevice
        default:
            guard let state = try lookup.batchState(body.batchCode!) else {
                try checkOrphan(body, lookup: lookup)
                return nil
            }
            try checkAgainstBatch(body, state: state, deviceNode: deviceNode, lookup: lookup)
            return state
        }
    }

    /// What can be checked of an event whose batch has not arrived: codes and quantities, not targets.
    private static func checkOrphan(_ body: EventBody, lookup: some MergeLookup) throws {
        switch body {
        case .sale(let sale):
            guard try !lookup.codeExists(sale.childCode) else { throw Refusal.codeTaken(sale.childCode) }
            guard sale.quantity > .zero else { throw Validation.badQuantity(sale.quantity.description) }
        case .disposal(let disposal):
            guard disposal.quantity > .zero else { throw Validation.badQuantity(disposal.quantity.description) }
        default: break
        }
    }

    private static func checkAgainstBatch(
        _ body: EventBody, state: BatchState, deviceNode: String, lookup: some MergeLookup
    ) throws {
        switch body {
        case .sale(let sale):
            guard try !lookup.codeExists(sale.childCode) else { throw Refusal.codeTaken(sale.childCode) }
            guard sale.quantity > .zero else { throw Validation.badQuantity(sale.quantity.description) }
            if let buyer = sale.buyerOperatorId {
                try checkOperator(buyer, field: "buyerOperatorId", deviceNode: deviceNode, lookup: lookup)
            }
        case .disposal(let disposal):
            guard disposal.quantity > .zero else { throw Validation.badQuantity(disposal.quantity.description) }
        case .correction(let correction):
            guard let target = state.line(correction.target) else { throw Refusal.unknown("target", correction.target) }
            for field in correction.fields.keys.sorted() {
                _ = try CorrectableFields.apply(field, correction.fields[field]!, to: target.current)
            }
        case .voiding(let voiding):
            guard let target = state.line(voiding.target) else { throw Refusal.unknown("target", voiding.target) }
            if target.event.body.kind == .release { throw Refusal.releaseByDevice }
        default: break
        }
    }

    private static func checkOperator(_ id: String, field: String, deviceNode: String, lookup: some MergeLookup) throws {
        guard let node = try lookup.operatorNode(id) else { throw Refusal.unknown(field, id) }
        guard node == deviceNode else { throw Refusal.outOfScope(node) }
    }

    /// Refuses payload members the event type does not have (members set to null are tolerated).
    private static func checkNoUnknownFields(_ payload: JSONValue, body: EventBody, id: String) throws {
        guard case .object(let sent) = payload, case .object(let known) = try body.payload(id: id) else { return }
        if let extra = sent.keys.sorted().first(where: { known[$0] == nil && sent[$0] != .null }) {
            throw TraceSyncError(.unknownField, field: "payload.\(extra)",
                                 zh: "记录中有未知字段「\(extra)」。", en: "the payload has an unknown field \"\(extra)\".")
        }
    }

    private static func badPayload(_ error: DecodingError) -> TraceSyncError {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        let field = (["payload"] + path.map(\.stringValue)).joined(separator: ".")
        return TraceSyncError(.badPayload, field: field,
                              zh: "记录字段 \(field) 缺失或类型错误。", en: "the payload field \(field) is missing or has the wrong type.")
    }
}

