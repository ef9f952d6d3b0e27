/// Amending the record: corrections, voidings, and operators registered on the device.
extension FieldStore {
    /// 更正: sets named fields of an earlier event. `target` is a trace code (its receipt or sale) or an event id.
    @discardableResult
    public func correct(target: String, fields: [String: String], time: String?) throws -> String {
        guard !fields.isEmpty else {
            throw TraceSyncError("missing_field", field: "set", zh: "请用 --set 字段=新值 指定要更正的内容。",
                                 en: "name what to correct with --set FIELD=VALUE.")
        }
        let (state, line) = try resolveEvent(target)
        var body = line.current
        for field in fields.keys.sorted() {
            let value = try checkedCorrectionValue(field, fields[field]!)
            body = try CorrectableFields.apply(field, value, to: body)
        }
        if case .receipt(let receipt) = body, receipt.quantity < state.sold + state.disposed {
            throw TraceSyncError(
                "exceeds_balance", field: "quantity",
                zh: "不能把进场数量改为 \(receipt.quantity)：已售出和销毁共 \(state.sold + state.disposed) \(receipt.unit)。",
                en: "cannot set the received quantity to \(receipt.quantity): \(state.sold + state.disposed) \(receipt.unit) were already sold or disposed of."
            )
        }
        let correction = Correction(
            batchCode: state.code, target: line.event.id, fields: fields, versionSeen: line.version, time: try self.time(time)
        )
        let id = UUIDv7.make()
        try append(.correction(correction), id: id)
        return id
    }

    /// Checks a correction value against master data where the field names a code.
    private func checkedCorrectionValue(_ field: String, _ value: String) throws -> String {
        switch field {
        case "product": try product(value, field: field).code
        case "origin": try region(value, field: field).code
        case "operator": try self.operator(value, field: field).id
        default: value.trimmingSpaces
        }
    }

    /// 作废: the event stops counting; it is never deleted.
    @discardableResult
    public func void(eventId: String, reason: String, time: String?) throws -> String {
        let reason = try Validation.required(reason, field: "reason", zh: "作废原因", en: "the reason")
        let (state, line) = try resolveEvent(eventId)
        if line.voidedBy != nil {
            throw TraceSyncError("already_voided", field: "event", zh: "记录 \(eventId) 已经作废。",
                                 en: "event \(eventId) is already voided.")
        }
        if case .voiding = line.current {
            throw TraceSyncError("not_voidable", field: "event", zh: "作废记录本身不能再作废。",
                                 en: "a voiding cannot itself be voided.")
        }
        if line.event.body.kind == .receipt,
           state.lines.contains(where: { $0.counts && $0.event.body.kind == .sale }) {
            throw TraceSyncError(
                "has_sales", field: "event",
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
            throw TraceSyncError("missing_field", field: "credit-code",
                                 zh: "企业或个体工商户必须填写统一社会信用代码（--credit-code）。",
                                 en: "an organisation needs its unified social credit code (--credit-code).")
        }
        if let creditCode, let existing = try findOperator(creditCode) {
            throw TraceSyncError(
                "duplicate_operator", field: "credit-code",
                zh: "统一社会信用代码 \(creditCode) 已登记为「\(existing.name)」（\(existing.id)）。",
                en: "credit code \(creditCode) is already registered as \"\(existing.name)\" (\(existing.id))."
            )
        }
        let id = input.id?.trimmingSpaces.nonEmpty ?? "OP-" + UUIDv7.make()
        if try database.row("SELECT id FROM operators WHERE id = ?", id) != nil {
            throw TraceSyncError("duplicate_operator", field: "id", zh: "经营户编号 \(id) 已存在。",
                                 en: "operator id \(id) already exists.")
        }
        let registered = Operator(
            id: id, node: identity.node, name: name, kind: input.kind, creditCode: creditCode,
            legalRepresentative: input.legalRepresentative?.trimmingSpaces.nonEmpty,
            idNumber: try input.idNumber?.trimmingSpaces.nonEmpty.map { try ResidentID.validate($0) },
            phone: try input.phone?.trimmingSpaces.nonEmpty.map { try PhoneNumber.validate($0) },
            stall: input.stall?.trimmingSpaces.nonEmpty
        )
        try append(.operatorRegistration(registered))
        return registered
    }
}
