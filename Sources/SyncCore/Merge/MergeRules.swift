import Foundation

/// Decides the verdict on an incoming entry: refusals, then conflicts (`ConflictRules`). Pure: a function of the
/// entry, what the store holds (`MergeInputs`) and the server's clock, returning the verdict and the effects to
/// write (`EntryDecision.effects`).
public enum MergeRules {
    /// The decision for `entry` from a device of `deviceNode`, its payload decoded already (`DecodedPayload`).
    public static func decide(
        entry: JournalEntry, payload: DecodedPayload, deviceNode: String, context: MergeContext, inputs: MergeInputs
    ) -> EntryDecision {
        let event: RecordedEvent
        switch payload {
        case .refused(let error): return .rejected(error)
        case .event(let decoded): event = decoded
        }
        let batch: BatchState?
        do {
            batch = try check(event.body, deviceNode: deviceNode, inputs: inputs)
        } catch let error as TraceSyncError {
            return .rejected(error)
        } catch {
            preconditionFailure("the merge checks throw only TraceSyncError")
        }
        let rules = ConflictRules(event: event, context: context, inputs: inputs)
        var existing: (id: String, eventId: String?)?
        if case .operatorRegistration(let registered) = event.body, let code = registered.creditCode,
           let found = inputs.operatorWithCreditCode(code, node: registered.node), found.id != registered.id {
            existing = found
        }
        let after = batchAfter(event, batch: batch, inputs: inputs)
        let held = batch == nil && event.body.kind != .receipt && event.body.batchCode != nil
        var findings = rules.findings(batch: batch, after: after, existingOperator: existing)
        var unitEffects: [MergeEffect] = []
        if case .equipment(let step, let body) = event.body {
            let unit = EquipmentRules.merge(event, step, body, inputs: inputs)
            findings += unit.findings
            unitEffects = [.saveEquipment(unit.after, eventId: event.id)]
        }
        var book = inputs.conflicts
        let effects = effects(of: event, held: held, aliasOf: existing?.id, after: after) + unitEffects
            + findings.map { MergeEffect.conflict(book.record($0, node: deviceNode)) }
        return .merged(event, conflicts: findings, heldForBatch: held, aliasOf: existing?.id, batchAfter: after,
                       effects: effects)
    }

    /// Decodes and decides `entry` in one step.
    public static func decide(
        entry: JournalEntry, deviceNode: String, context: MergeContext, inputs: MergeInputs
    ) -> EntryDecision {
        decide(entry: entry, payload: DecodedPayload(entry), deviceNode: deviceNode, context: context, inputs: inputs)
    }

    /// The decision on an event of the server's own journal (an admin's correction, voiding or release): always
    /// merged, with no conflict, into its batch as `inputs` holds it.
    public static func serverEvent(_ event: RecordedEvent, inputs: MergeInputs) -> EntryDecision {
        let after = event.body.batchCode.flatMap { code in
            inputs.batches[code].flatMap { BatchState.derive(code: code, events: $0.lines.map(\.event) + [event]) }
        }
        return .merged(event, conflicts: [], heldForBatch: false, aliasOf: nil, batchAfter: after,
                       effects: effects(of: event, held: false, aliasOf: nil, after: after))
    }

    /// What storing `event` changes besides its entry and event rows.
    private static func effects(of event: RecordedEvent, held: Bool, aliasOf: String?, after: BatchState?) -> [MergeEffect] {
        var effects: [MergeEffect] = []
        switch event.body {
        case .receipt(let receipt):
            effects.append(.linkCode(receipt.batchCode, batch: receipt.batchCode, eventId: event.id, kind: .batch))
            if let certificate = receipt.quarantineCert {
                effects.append(.recordCertificate(certificate, eventId: event.id, operatorId: receipt.operatorId))
            }
            effects.append(.releaseOrphans(batch: receipt.batchCode))
            if let items = receipt.items, !items.isEmpty {
                effects.append(.linkItems(items, batch: receipt.batchCode, eventId: event.id))
            }
        case .sale(let sale):
            effects.append(.linkCode(sale.childCode, batch: sale.batchCode, eventId: event.id, kind: .sale))
        case .packing(let packing):
            effects.append(.linkContainer(packing.container, batch: packing.batchCode, eventId: event.id,
                                          level: packing.level))
        case .operatorRegistration(let registered):
            effects.append(.registerOperator(registered, eventId: event.id, aliasOf: aliasOf))
        default:
            break
        }
        if held, let code = event.body.batchCode { effects.append(.holdOrphan(eventId: event.id, batch: code)) }
        if let after { effects.append(.saveBatch(after)) }
        return effects
    }

    /// The event's batch with the event merged: `batch` and the event, or for a receipt the receipt and the events
    /// held for it; nil for master data and for an event whose batch has not arrived.
    private static func batchAfter(_ event: RecordedEvent, batch: BatchState?, inputs: MergeInputs) -> BatchState? {
        if let batch { return BatchState.derive(code: batch.code, events: batch.lines.map(\.event) + [event]) }
        guard case .receipt(let receipt) = event.body else { return nil }
        return BatchState.derive(code: receipt.batchCode, events: (inputs.heldEvents[receipt.batchCode] ?? []) + [event])
    }

    /// Refuses what cannot be merged; returns the batch the event belongs to, nil for a receipt, master data or an
    /// event whose batch has not arrived yet (an orphan, held).
    private static func check(_ body: EventBody, deviceNode: String, inputs: MergeInputs) throws -> BatchState? {
        if let code = body.batchCode, code.node != deviceNode { throw Refusal.outOfScope(code.node) }
        switch body {
        case .receipt(let receipt):
            guard receipt.node == deviceNode else { throw Refusal.outOfScope(receipt.node) }
            guard inputs.products.contains(receipt.product) else { throw Refusal.unknown("product", receipt.product) }
            guard inputs.regions.contains(receipt.origin) else { throw Refusal.unknown("origin", receipt.origin) }
            try checkOperator(receipt.operatorId, field: "operatorId", deviceNode: deviceNode, inputs: inputs)
            guard !inputs.takenCodes.contains(receipt.batchCode) else { throw Refusal.codeTaken(receipt.batchCode) }
            try PackingChecks.receipt(receipt)
            return nil
        case .operatorRegistration(let registered):
            guard registered.node == deviceNode else { throw Refusal.outOfScope(registered.node) }
            if let code = registered.creditCode, try CreditCode.validate(code, field: "creditCode") != code {
                // Stored and matched as sent: only the canonical upper-case form can be compared for duplicates.
                throw TraceSyncError(.creditCodeFormat, field: "creditCode",
                                     zh: "统一社会信用代码应为大写：「\(code)」。", en: "the credit code must be upper case: \"\(code)\".")
            }
            return nil
        case .equipment(let step, let unit):
            try EquipmentRules.check(step, unit, deviceNode: deviceNode, inputs: inputs)
            return nil
        case .release:
            throw Refusal.releaseByDevice
        default:
            guard let state = inputs.batches[body.batchCode!] else {
                try checkOrphan(body, inputs: inputs)
                return nil
            }
            try checkAgainstBatch(body, state: state, deviceNode: deviceNode, inputs: inputs)
            return state
        }
    }

    /// What can be checked of an event whose batch has not arrived: codes and quantities, not targets.
    private static func checkOrphan(_ body: EventBody, inputs: MergeInputs) throws {
        switch body {
        case .sale(let sale):
            guard !inputs.takenCodes.contains(sale.childCode) else { throw Refusal.codeTaken(sale.childCode) }
            guard sale.quantity > .zero else { throw Validation.badQuantity(sale.quantity.description) }
        case .disposal(let disposal):
            guard disposal.quantity > .zero else { throw Validation.badQuantity(disposal.quantity.description) }
        case .packing, .unpacking:
            try PackingChecks.orphan(body, inputs: inputs)
        default: break
        }
    }

    private static func checkAgainstBatch(
        _ body: EventBody, state: BatchState, deviceNode: String, inputs: MergeInputs
    ) throws {
        switch body {
        case .sale(let sale):
            guard !inputs.takenCodes.contains(sale.childCode) else { throw Refusal.codeTaken(sale.childCode) }
            guard sale.quantity > .zero else { throw Validation.badQuantity(sale.quantity.description) }
            if let buyer = sale.buyerOperatorId {
                try checkOperator(buyer, field: "buyerOperatorId", deviceNode: deviceNode, inputs: inputs)
            }
            try PackingChecks.sale(sale, state: state)
        case .packing, .unpacking:
            try PackingChecks.against(body, state: state, inputs: inputs)
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

    private static func checkOperator(_ id: String, field: String, deviceNode: String, inputs: MergeInputs) throws {
        guard let node = inputs.operators[id]?.node else { throw Refusal.unknown(field, id) }
        guard node == deviceNode else { throw Refusal.outOfScope(node) }
    }
}
