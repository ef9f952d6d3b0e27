import Foundation

/// Finds the conflicts an incoming event opens (DESIGN.md §4). The provisional outcome of each is already what
/// `BatchState.derive` computes from the merged events, so every replica shows the same state; the findings only
/// put the conflict in front of an admin, with every candidate.
struct ConflictRules {
    let event: RecordedEvent
    let context: MergeContext
    let inputs: MergeInputs

    /// The incoming event as a candidate with `value`.
    private func incoming(_ value: String) -> CandidateRef {
        CandidateRef(eventId: event.id, value: value)
    }

    /// A merged event as a candidate with `value`.
    private func merged(_ eventId: String, value: String) -> CandidateRef {
        CandidateRef(eventId: eventId, value: value)
    }

    /// Every conflict the event takes part in. `batch` is its batch before the event and `after` with it (for a
    /// receipt, `batch` is nil and `after` holds the receipt with the events held for it); both nil for an orphan.
    func findings(
        batch: BatchState?, after: BatchState?, existingOperator: (id: String, eventId: String?)?
    ) -> [ConflictFinding] {
        var findings: [ConflictFinding] = []
        if let time = event.body.time, let finding = implausibleTime(time) { findings.append(finding) }
        switch event.body {
        case .receipt(let receipt):
            if let finding = certificateReuse(receipt) { findings.append(finding) }
            // Events held for the batch (orphans) join it now: the flags they raise together open their conflicts
            // here, or the batch would carry a flag with nothing in the admins' queue.
            if let after, after.lines.count > 1 {
                findings += flagConflicts(after: after, flags: [])
                findings += after.lines.compactMap { line in
                    guard line.counts, case .sale(let sale) = line.event.body else { return nil }
                    return LicenceRules.unlicensedSale(sale, eventId: line.event.id, batch: after, inputs: inputs)
                }
            }
        case .operatorRegistration(let registered):
            if let existing = existingOperator { findings.append(duplicateOperator(registered, existing: existing)) }
        case .correction(let correction):
            if let batch {
                findings += concurrentEdits(correction, batch: batch)
                if correction.fields.keys.contains(where: Self.holdFields.contains),
                   let finding = holdUndone(correction.target, batch: batch, value: Self.describe(event.body)) {
                    findings.append(finding)
                }
            }
        case .sale(let sale):
            if let batch, let finding = LicenceRules.unlicensedSale(sale, eventId: event.id, batch: batch, inputs: inputs) {
                findings.append(finding)
            }
        case .voiding(let voiding):
            if let batch, let finding = holdUndone(voiding.target, batch: batch, value: "void: \(voiding.reason)") {
                findings.append(finding)
            }
        case .packing(let packing):
            if let batch, let finding = PackingChecks.conflict(packing, eventId: event.id, batch: batch) {
                findings.append(finding)
            }
        default: break
        }
        if let batch { findings += flagConflicts(after: after, flags: batch.flags) }
        return findings
    }

    private func implausibleTime(_ time: Int64) -> ConflictFinding? {
        guard time > context.receivedAt + context.futureTolerance || time < context.receivedAt - context.pastWindow else {
            return nil
        }
        return ConflictFinding(
            kind: .implausibleTime, subject: "time:\(event.id)", batchCode: event.body.batchCode?.digits,
            target: event.id, field: "time", candidates: [incoming(BusinessTime.iso(time))]
        )
    }

    private func certificateReuse(_ receipt: Receipt) -> ConflictFinding? {
        guard let certificate = receipt.quarantineCert else { return nil }
        let holders = inputs.certificates[certificate] ?? []
        guard holders.contains(where: { $0.operatorId != receipt.operatorId }) else { return nil }
        let others = holders.map { merged($0.eventId, value: $0.operatorId) }
        return ConflictFinding(
            kind: .certificateReuse, subject: "certificate:\(certificate)", batchCode: receipt.batchCode.digits,
            target: nil, field: "quarantine_cert", candidates: others + [incoming(receipt.operatorId)]
        )
    }

    private func duplicateOperator(_ registered: Operator, existing: (id: String, eventId: String?)) -> ConflictFinding {
        let first = existing.eventId.map { merged($0, value: existing.id) }
        return ConflictFinding(
            kind: .duplicateOperator, subject: "operator:\(registered.node):\(registered.creditCode ?? "")",
            batchCode: nil, target: existing.id, field: nil,
            candidates: (first.map { [$0] } ?? []) + [incoming(registered.id)]
        )
    }

    /// The fields whose correction changes what a hold cause holds for: a test's result and item, a disposal's quantity.
    private static var holdFields: Set<String> { ["result", "item", "quantity"] }

    /// A voiding or correction of what holds the batch: the hold stands (`BatchState` keeps it) and an admin must look.
    private func holdUndone(_ target: String, batch: BatchState, value: String) -> ConflictFinding? {
        guard batch.heldBy.contains(target), let line = batch.line(target) else { return nil }
        return ConflictFinding(
            kind: .holdVoided, subject: "hold_voided:\(batch.code.digits)", batchCode: batch.code.digits,
            target: target, field: nil, candidates: [merged(target, value: Self.describe(line.current)), incoming(value)]
        )
    }

    /// Corrections of the same field of the same record made from the same version: neither saw the other.
    private func concurrentEdits(_ correction: Correction, batch: BatchState) -> [ConflictFinding] {
        var findings: [ConflictFinding] = []
        for field in correction.fields.keys.sorted() {
            let rivals = batch.lines.filter { line in
                guard line.counts, case .correction(let other) = line.event.body else { return false }
                return other.target == correction.target && other.versionSeen == correction.versionSeen
                    && other.fields[field] != nil
            }
            guard !rivals.isEmpty else { continue }
            let candidates = rivals.compactMap { line -> CandidateRef? in
                guard case .correction(let other) = line.event.body else { return nil }
                return merged(line.event.id, value: other.fields[field]!)
            }
            findings.append(ConflictFinding(
                kind: .concurrentEdit, subject: "edit:\(correction.target):v\(correction.versionSeen):\(field)",
                batchCode: batch.code.digits, target: correction.target, field: field,
                candidates: candidates + [incoming(correction.fields[field]!)]
            ))
        }
        return findings
    }

    /// Oversold and traded-while-held: flags the batch carries once the event has joined it (`after`; it had `flags`
    /// before), when the event is one of their causes.
    private func flagConflicts(after: BatchState?, flags: Set<BatchFlag>) -> [ConflictFinding] {
        guard let after else { return [] }
        let code = after.code
        var findings: [ConflictFinding] = []
        let appeared = after.flags.subtracting(flags)
        if after.flags.contains(.oversold), appeared.contains(.oversold) || [.sale, .disposal].contains(event.body.kind) {
            let lines = after.lines.filter { $0.counts && [.sale, .disposal].contains($0.event.body.kind) }
            findings.append(ConflictFinding(
                kind: .oversold, subject: "oversold:\(code.digits)", batchCode: code.digits,
                target: nil, field: "quantity", candidates: candidates(lines, value: Self.quantity)
            ))
        }
        if after.flags.contains(.tradedWhileHeld), appeared.contains(.tradedWhileHeld) || event.body.kind == .sale {
            let lines = after.lines.filter { line in
                if after.holdCauses.contains(line.event.id) { return true }
                return line.counts && [.sale, .disposal].contains(line.current.kind)
            }
            findings.append(ConflictFinding(
                kind: .heldTraded, subject: "held:\(code.digits)", batchCode: code.digits,
                target: nil, field: nil, candidates: candidates(lines, value: Self.describe)
            ))
        }
        return findings
    }

    private func candidates(_ lines: [BatchState.Line], value: (EventBody) -> String) -> [CandidateRef] {
        lines.map { line in
            line.event.id == event.id ? incoming(value(line.current)) : merged(line.event.id, value: value(line.current))
        }
    }

    private static func quantity(_ body: EventBody) -> String {
        switch body {
        case .sale(let sale): "sale \(sale.quantity)"
        case .disposal(let disposal): "disposal \(disposal.quantity)"
        default: body.kind.rawValue
        }
    }

    private static func describe(_ body: EventBody) -> String {
        switch body {
        case .inspection(let inspection): "failed \(inspection.item)"
        case .correction(let correction):
            "correct " + correction.fields.keys.sorted().map { "\($0)=\(correction.fields[$0]!)" }.joined(separator: " ")
        default: quantity(body)
        }
    }
}
