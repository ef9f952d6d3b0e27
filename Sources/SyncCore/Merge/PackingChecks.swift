/// What the merge checks of serialised items, packings, unpackings and sales of whole containers (`Packing`), and
/// the conflict a packing opens. Pure, like the rest of the merge: a function of the event and the batch's state.
enum PackingChecks {
    /// A receipt's drug fields and items: a valid 国药准字 number, a real expiry date, item codes in their form (a
    /// drug's 20-digit 药品追溯码), none twice.
    static func receipt(_ receipt: Receipt) throws {
        if let number = receipt.approvalNumber, try DrugApprovalNumber.validate(number, field: "approvalNumber") != number {
            throw DrugApprovalNumber.refusal(number, field: "approvalNumber")
        }
        if let expiry = receipt.expiry, try BusinessTime.day(expiry, field: "expiry") != expiry {
            throw TraceSyncError(.badPayload, field: "expiry", zh: "有效期「\(expiry)」应写作 YYYY-MM-DD，如 2028-06-30。",
                                 en: "the expiry \"\(expiry)\" must read YYYY-MM-DD, e.g. 2028-06-30.")
        }
        try items(receipt.items ?? [], drug: receipt.approvalNumber != nil, field: "items")
    }

    /// Item codes as a receipt names them: for a drug, each a 20-digit 药品追溯码; otherwise 1–64 letters and digits.
    static func items(_ codes: [String], drug: Bool, field: String) throws {
        for code in codes {
            if drug {
                guard try DrugTraceCode.validate(code, field: field) == code else {
                    throw TraceSyncError(.badDrugTraceCode, field: field, zh: "药品追溯码「\(code)」含空格。",
                                         en: "drug trace code \"\(code)\" has spaces.")
                }
            } else if code.isEmpty || code.count > 64 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                throw TraceSyncError(.badPayload, field: field,
                                     zh: "物品码「\(code)」无效：应为 1–64 位字母或数字。",
                                     en: "item code \"\(code)\" is not valid: it is 1–64 letters or digits.")
            }
        }
        try unique(codes, field: field)
    }

    /// What can be checked of a packing or unpacking whose batch has not arrived: something is named, once each.
    static func orphan(_ body: EventBody, inputs: MergeInputs) throws {
        switch body {
        case .packing(let packing):
            guard !inputs.takenCodes.contains(packing.container) else { throw Refusal.codeTaken(packing.container) }
            try named(packing.contents)
        case .unpacking(let unpacking):
            try named(unpacking.contents)
        default: break
        }
    }

    /// A packing names items of its batch (a case) or cases of its batch (a pallet); an unpacking a container of it.
    static func against(_ body: EventBody, state: BatchState, inputs: MergeInputs) throws {
        let packing = BatchPacking(state)
        switch body {
        case .packing(let packed):
            guard !inputs.takenCodes.contains(packed.container) else { throw Refusal.codeTaken(packed.container) }
            try named(packed.contents)
            if let existing = packing.containers[packed.container], existing.level != packed.level {
                throw TraceSyncError(.badPayload, field: "level",
                                     zh: "\(packed.container.grouped) 已是\(existing.level.label.zh)，不能再作\(packed.level.label.zh)。",
                                     en: "\(packed.container.grouped) is a \(existing.level.label.en) already, not a \(packed.level.label.en).")
            }
            for content in packed.contents {
                switch packed.level {
                case .case:
                    guard packing.items.contains(content) else { throw Refusal.unknown("contents", content) }
                case .pallet:
                    guard let code = try? TraceCode(parsing: content), packing.containers[code]?.level == .case else {
                        throw Refusal.unknown("contents", content)
                    }
                }
            }
        case .unpacking(let unpacked):
            guard packing.containers[unpacked.container] != nil else {
                throw Refusal.unknown("container", unpacked.container.digits)
            }
            try named(unpacked.contents)
        default: break
        }
    }

    /// A sale of whole containers names containers of its batch.
    static func sale(_ sale: Sale, state: BatchState) throws {
        guard let containers = sale.containers, !containers.isEmpty else { return }
        let packing = BatchPacking(state)
        for code in containers where packing.containers[code] == nil { throw Refusal.unknown("containers", code.digits) }
        try unique(containers.map(\.digits), field: "containers")
    }

    /// The conflict packing `packing` opens: what it packs is held by another container, was sold whole, or its
    /// batch is held, disposed or voided. The candidates are the events that put it there, sold or held it, then
    /// the packing.
    static func conflict(_ packing: Packing, eventId: String, batch: BatchState) -> ConflictFinding? {
        let before = BatchPacking(batch)
        var candidates: [CandidateRef] = []
        func add(_ id: String, _ value: String) {
            if !candidates.contains(where: { $0.eventId == id }) { candidates.append(CandidateRef(eventId: id, value: value)) }
        }
        for content in packing.contents {
            if let holder = before.holder[content], holder != packing.container, let by = before.packedBy[content] {
                add(by, "\(content) in \(holder.digits)")
            }
            if let sale = before.saleOf(content) { add(sale, "\(content) sold") }
        }
        if batch.status.blocksTrade {
            for cause in batch.holdCauses { add(cause, "\(batch.status.rawValue)") }
            if batch.status == .voided || batch.holdCauses.isEmpty { add(batch.receiptEventId, batch.status.rawValue) }
        }
        guard !candidates.isEmpty else { return nil }
        candidates.append(CandidateRef(eventId: eventId, value: "pack \(packing.contents.count) into \(packing.container.digits)"))
        return ConflictFinding(kind: .packingConflict, subject: "packing:\(packing.container.digits)",
                               batchCode: batch.code.digits, target: nil, field: "contents", candidates: candidates)
    }

    private static func named(_ contents: [String]) throws {
        guard !contents.isEmpty else {
            throw TraceSyncError(.missingField, field: "contents", zh: "装箱记录未列出任何物品或箱。",
                                 en: "the packing names no item or case (contents).")
        }
        try unique(contents, field: "contents")
    }

    private static func unique(_ codes: [String], field: String) throws {
        var seen: Set<String> = []
        for code in codes where !seen.insert(code).inserted {
            throw TraceSyncError(.badPayload, field: field, zh: "「\(code)」重复出现。", en: "\"\(code)\" is named twice.")
        }
    }
}
