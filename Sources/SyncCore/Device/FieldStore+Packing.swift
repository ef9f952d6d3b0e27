/// Serialised items, cases and pallets on the device: a drug receipt's approval number, lot, expiry and items;
/// 装箱 and 拆箱; a sale of whole cases. A case's or pallet's code is minted like a trace code (`mintCode`), so it is
/// unique province-wide without asking the server. Packing an item another case holds, or one sold or disposed, is
/// recorded, never refused offline: the server flags it (`packing_conflict`).
extension FieldStore {
    /// `receipt` with the drug fields and items of `input` checked: for a product of an industry whose profile
    /// records a lot and expiry at receipt (drugs), the 国药准字 number, lot and expiry are required; a drug's items
    /// are 20-digit 药品追溯码, each once.
    static func withItems(_ receipt: Receipt, _ input: ReceiptInput, industry: String) throws -> Receipt {
        var receipt = receipt
        let records = (try? BundledIndustryProfiles.profile(for: Industry(rawValue: industry)))??
            .rule(for: .receipt)?.records ?? []
        let drug = industry == Industry.drug.rawValue
        if let number = input.approvalNumber?.trimmingSpaces.nonEmpty {
            receipt.approvalNumber = try DrugApprovalNumber.validate(number, field: "approval-number")
        } else if drug {
            _ = try Validation.required(nil, field: "approval-number", zh: "药品批准文号（国药准字…）", en: "the drug approval number (国药准字…)")
        }
        receipt.lotNumber = input.lotNumber?.trimmingSpaces.nonEmpty
        if receipt.lotNumber == nil, records.contains(.lotNumber) {
            _ = try Validation.required(nil, field: "lot-number", zh: "生产批号", en: "the lot number")
        }
        if let expiry = input.expiry?.trimmingSpaces.nonEmpty {
            receipt.expiry = try BusinessTime.day(expiry, field: "expiry")
        } else if records.contains(.expiry) {
            _ = try Validation.required(nil, field: "expiry", zh: "有效期至（YYYY-MM-DD）", en: "the expiry date (YYYY-MM-DD)")
        }
        let items = try input.items.map { item in
            drug ? try DrugTraceCode.validate(TraceCode.compacted(item), field: "item") : TraceCode.compacted(item)
        }
        try PackingChecks.items(items, drug: drug, field: "item")
        if let count = Quantity(String(items.count)), !items.isEmpty, count > receipt.quantity {
            throw TraceSyncError(
                .badQuantity, field: "item",
                zh: "列出了 \(items.count) 个物品码，多于进场数量 \(receipt.quantity) \(receipt.unit)。",
                en: "\(items.count) item codes for a receipt of \(receipt.quantity) \(receipt.unit)."
            )
        }
        receipt.items = items.isEmpty ? nil : items
        return receipt
    }

    /// 装箱/组托: packs items of batch `code` into a case, or cases of it onto a pallet; `container` nil mints a
    /// new code. Returns the event id and the container's code.
    @discardableResult
    public func pack(
        code: String, container: String?, level: PackingLevel, contents: [String], time: String?
    ) throws -> (eventId: String, container: TraceCode) {
        let state = try tradeableState(code, allowHeld: true)
        let packing = BatchPacking(state)
        let contents = contents.map(TraceCode.compacted)
        try PackingChecks.against(
            .packing(Packing(batchCode: state.code, container: state.code, level: level, contents: contents, time: 0)),
            state: state, inputs: MergeInputs()
        )
        let time = try self.time(time)
        var packed = Packing(batchCode: state.code, container: state.code, level: level, contents: contents, time: time)
        let id = UUIDv7.make()
        try database.inTransaction {
            if let container {
                let code = try TraceCode(parsing: container, field: "case")
                if let known = packing.containers[code], known.level != level {
                    throw TraceSyncError(.badPayload, field: "case",
                                         zh: "\(code.grouped) 是\(known.level.label.zh)，不是\(level.label.zh)。",
                                         en: "\(code.grouped) is a \(known.level.label.en), not a \(level.label.en).")
                }
                // A case or pallet given by code is one already packed: new ones are minted here.
                guard try packing.containers[code] != nil || !containerBatches(code).isEmpty else {
                    throw TraceSyncError(.unknownTarget, field: "case",
                                         zh: "本设备没有箱/托 \(code.grouped) 的装箱记录；新箱不要填 --case，由本机生成箱码。",
                                         en: "this device has no packing of \(code.grouped); for a new case leave out --case and the device makes its code.")
                }
                packed.container = code
            } else {
                packed.container = try mintCode(time: time)
            }
            _ = try appendInTransaction(.packing(packed), id: id)
        }
        return (id, packed.container)
    }

    /// 拆箱/拆托: takes `contents` (all it holds when empty) out of case or pallet `container`.
    @discardableResult
    public func unpack(container: String, contents: [String], time: String?) throws -> String {
        let code = try TraceCode(parsing: container, field: "case")
        guard let batch = try containerBatches(code).last, let state = try batchState(batch) else {
            throw TraceSyncError(.unknownBatch, field: "case",
                                 zh: "本设备没有箱/托 \(code.grouped) 的装箱记录。",
                                 en: "this device has no packing of case or pallet \(code.grouped).")
        }
        let packing = BatchPacking(state)
        let taken = contents.isEmpty ? packing.containers[code]?.contents ?? [] : contents.map(TraceCode.compacted)
        let unpacking = Unpacking(batchCode: state.code, container: code, contents: taken, time: try self.time(time))
        try PackingChecks.against(.unpacking(unpacking), state: state, inputs: MergeInputs())
        let id = UUIDv7.make()
        _ = try append(.unpacking(unpacking), id: id)
        return id
    }

    /// What case or pallet `code` holds, and its batches, as this device knows them.
    public func containerContents(_ input: String) throws -> (batches: [TraceCode], level: PackingLevel?, items: [String]) {
        let code = try TraceCode(parsing: input, field: "case")
        var items: [String] = [], level: PackingLevel?
        let batches = try containerBatches(code)
        for batch in batches {
            guard let state = try batchState(batch) else { continue }
            let packing = BatchPacking(state)
            level = level ?? packing.containers[code]?.level
            items += packing.items(in: code)
        }
        return (batches, level, items)
    }

    /// The cases or pallets a sale of batch `state` names, checked to be its own.
    func soldContainers(_ typed: [String], of state: BatchState) throws -> [TraceCode]? {
        guard !typed.isEmpty else { return nil }
        let packing = BatchPacking(state)
        let codes = try typed.map { try TraceCode(parsing: $0, field: "case") }
        for code in codes where packing.containers[code] == nil {
            throw TraceSyncError(.unknownTarget, field: "case",
                                 zh: "批次 \(state.code.grouped) 中没有箱/托 \(code.grouped)。",
                                 en: "batch \(state.code.grouped) has no case or pallet \(code.grouped).")
        }
        return codes
    }

    /// The batches whose packings name container `code`, oldest first.
    func containerBatches(_ code: TraceCode) throws -> [TraceCode] {
        try database.query(
            """
            SELECT batch_code, min(hlc) AS first FROM events WHERE kind = 'packing' AND json_extract(body, '$.container') = ?
            GROUP BY batch_code ORDER BY first
            """,
            code.digits
        ).compactMap { row in row.string("batch_code").flatMap { try? TraceCode(parsing: $0) } }
    }
}
