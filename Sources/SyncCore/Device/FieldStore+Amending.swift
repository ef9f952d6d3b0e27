/// Amending the record: corrections, voidings, and operators registered on the device.
extension FieldStore {
    /// 更正: sets named fields of an earlier event. `target` is a trace code (its receipt or sale) or an event id.
    @discardableResult
    public func correct(target: String, fields: [String: String], time: String?) throws -> String {
        guard !fields.isEmpty else {
            throw TraceSyncError(.missingField, field: "set", zh: "请用 --set 字段=新值 指定要更正的内容。",
                                 en: "name what to correct with --set FIELD=VALUE.")
        }
        let (state, line) = try resolveEvent(target)
        var body = line.current
        // The values as checked (a product, origin or operator typed by name becomes its code) are what is recorded.
        var checked: [String: String] = [:]
        for field in fields.keys.sorted() {
            let value = try checkedCorrectionValue(field, fields[field]!)
            checked[field] = value
            body = try CorrectableFields.apply(field, value, to: body)
        }
        if case .receipt(let receipt) = body, receipt.quantity < state.sold + state.disposed {
            throw TraceSyncError(
                .exceedsBalance, field: "quantity",
                zh: "不能把进场数量改为 \(receipt.quantity)：已售出和销毁共 \(state.sold + state.disposed) \(receipt.unit)。",
                en: "cannot set the received quantity to \(receipt.quantity): \(state.sold + state.disposed) \(receipt.unit) were already sold or disposed of."
            )
        }
        if line.counts, let added = Self.addedQuantity(from: line.current, to: body), added > .zero, added > state.balance {
            throw TraceSyncError(
                .exceedsBalance, field: "quantity",
                zh: "不能把数量增加 \(added) \(state.receipt.unit)：批次 \(state.code.grouped) 本机所知余量只有 \(state.balance) \(state.receipt.unit)。",
                en: "cannot add \(added) \(state.receipt.unit) to the quantity: batch \(state.code.grouped) has only \(state.balance) \(state.receipt.unit) left as this device knows it."
            )
        }
        let correction = Correction(
            batchCode: state.code, target: line.event.id, fields: checked, versionSeen: line.version, time: try self.time(time)
        )
        let id = UUIDv7.make()
        try append(.correction(correction), id: id)
        return id
    }

    /// How much more a corrected sale or disposal takes from the batch; nil for other events.
    private static func addedQuantity(from old: EventBody, to new: EventBody) -> Quantity? {
        switch (old, new) {
        case (.sale(let old), .sale(let new)): new.quantity - old.quantity
        case (.disposal(let old), .disposal(let new)): new.quantity - old.quantity
        default: nil
        }
    }

    /// Checks a correction value against master data where the field names a code, and as recording does for
    /// units and required texts.
    private func checkedCorrectionValue(_ field: String, _ value: String) throws -> String {
        switch field {
        case "product": try product(value, field: field).code
        case "origin": try region(value, field: field).code
        case "operator": try self.operator(value, field: field).id
        case "unit": try Self.checkedUnit(value.trimmingSpaces)
        case "supplier": try Validation.required(value, field: field, zh: "供货方", en: "the supplier")
        case "item": try Validation.required(value, field: field, zh: "检测项目", en: "the test item")
        case "buyer": try Validation.required(value, field: field, zh: "购买方", en: "the buyer")
        case "reason": try Validation.required(value, field: field, zh: "原因", en: "the reason")
        default: value.trimmingSpaces
        }
    }

    /// 作废: the event stops counting; it is never deleted. Voiding what holds the batch (a failed test, a full
    /// disposal) leaves the hold standing until an admin releases it.
    @discardableResult
    public func void(eventId: String, reason: String, time: String?) throws -> String {
        let reason = try Validation.required(reason, field: "reason", zh: "作废原因", en: "the reason")
        let (state, line) = try resolveEvent(eventId)
        if line.voidedBy != nil {
            throw TraceSyncError(.alreadyVoided, field: "event", zh: "记录 \(eventId) 已经作废。",
                                 en: "event \(eventId) is already voided.")
        }
        if case .voiding = line.current {
            throw TraceSyncError(.notVoidable, field: "event", zh: "作废记录本身不能再作废。",
                                 en: "a voiding cannot itself be voided.")
        }
        if line.event.body.kind == .release {
            throw TraceSyncError(.notVoidable, field: "event", zh: "解除扣留是管理员的决定，设备不能作废。",
                                 en: "a hold release is an admin's decision; a device cannot void it.")
        }
        if line.event.body.kind == .receipt,
           state.lines.contains(where: { $0.counts && $0.event.body.kind == .sale }) {
            throw TraceSyncError(
                .hasSales, field: "event",
                zh: "批次 \(state.code.grouped) 已有交易，不能作废其进场登记。请先作废各笔交易。",
                en: "batch \(state.code.grouped) has sales, so its receipt cannot be voided. Void the sales first."
            )
        }
        let voiding = Voiding(batchCode: state.code, target: line.event.id, reason: reason, time: try self.time(time))
        let id = UUIDv7.make()
        try append(.voiding(voiding), id: id)
        return id
    }

    /// 经营户登记: registers an operator of this node.
    @discardableResult
    public func registerOperator(_ input: OperatorInput) throws -> Operator {
        let name = try Validation.required(input.name, field: "name", zh: "经营户名称", en: "the operator's name")
        let creditCode = try input.creditCode?.trimmingSpaces.nonEmpty.map { try CreditCode.validate($0) }
        if input.kind == .organisation, creditCode == nil {
            throw TraceSyncError(.missingField, field: "credit-code",
                                 zh: "企业或个体工商户必须填写统一社会信用代码（--credit-code）。",
                                 en: "an organisation needs its unified social credit code (--credit-code).")
        }
        if let creditCode, let existing = try findOperator(creditCode) {
            throw TraceSyncError(
                .duplicateOperator, field: "credit-code",
                zh: "统一社会信用代码 \(creditCode) 已登记为「\(existing.name)」（\(existing.id)）。",
                en: "credit code \(creditCode) is already registered as \"\(existing.name)\" (\(existing.id))."
            )
        }
        let id = input.id?.trimmingSpaces.nonEmpty ?? "OP-" + UUIDv7.make()
        if try database.row("SELECT id FROM operators WHERE id = ?", id) != nil {
            throw TraceSyncError(.duplicateOperator, field: "id", zh: "经营户编号 \(id) 已存在。",
                                 en: "operator id \(id) already exists.")
        }
        let registered = Operator(
            id: id, node: identity.node, name: name, kind: input.kind, creditCode: creditCode,
            legalRepresentative: input.legalRepresentative?.trimmingSpaces.nonEmpty,
            idNumber: try input.idNumber?.trimmingSpaces.nonEmpty.map { try ResidentID.validate($0) },
            phone: try input.phone?.trimmingSpaces.nonEmpty.map { try PhoneNumber.validate($0) },
            stall: input.stall?.trimmingSpaces.nonEmpty,
            licences: input.licences.isEmpty ? nil : LicenceRules.union([], input.licences)
        )
        try append(.operatorRegistration(registered))
        return registered
    }

    /// Puts `licence` on record for the operator `reference` names (id, credit code or name): registers the operator
    /// again, with the same id and the licence added, so that it syncs like any registration.
    /// - Throws: `unknown_operator` when no operator matches.
    @discardableResult
    public func addLicence(_ licence: Licence, to reference: String) throws -> Operator {
        guard var registered = try findOperator(reference) else {
            throw TraceSyncError(
                .unknownOperator, field: "operator",
                zh: "找不到经营户「\(reference)」：请用 field operator list 查看编号，或先登记。",
                en: "no operator \"\(reference)\": `field operator list` shows the ids; register it first."
            )
        }
        registered.licences = LicenceRules.union(registered.licences ?? [], [licence])
        try append(.operatorRegistration(registered))
        return registered
    }
}
