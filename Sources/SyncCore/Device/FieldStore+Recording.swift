/// Recording a market day: each method checks its input against what the device knows, refuses with a clear
/// error and no change, or appends exactly one event.
extension FieldStore {
    /// The units a batch may be counted in.
    public static let units = ["kg", "t", "head", "piece", "box", "bottle", "bag", "vial", "cylinder", "drum", "litre"]

    /// Refuses a unit that is not one of `units`.
    static func checkedUnit(_ unit: String) throws -> String {
        guard units.contains(unit) else {
            throw TraceSyncError(
                .badUnit, field: "unit",
                zh: "单位「\(unit)」无效：可用 \(units.joined(separator: "、"))。",
                en: "unit \"\(unit)\" is not valid: use one of \(units.joined(separator: ", "))."
            )
        }
        return unit
    }

    /// 进场登记: records a receipt and returns the new batch's trace code.
    @discardableResult
    public func receive(_ input: ReceiptInput) throws -> (eventId: String, code: TraceCode) {
        var lookups = MasterDataLookups()
        let receipt = try checkedReceipt(input, lookups: &lookups)
        let id = UUIDv7.make()
        var minted = receipt
        try database.inTransaction {
            minted.batchCode = try mintCode(time: receipt.time)
            try append(.receipt(minted), id: id)
        }
        return (id, minted.batchCode)
    }

    /// Checks a receipt's fields; the batch code is a placeholder until minted.
    /// - Parameter lookups: the master data earlier checks of the same write looked up already.
    func checkedReceipt(_ input: ReceiptInput, lookups: inout MasterDataLookups) throws -> Receipt {
        let product = try lookups.product(input.product, in: self)
        let quantity = try Validation.quantity(input.quantity)
        let unit = try Self.checkedUnit(input.unit?.trimmingSpaces.nonEmpty ?? product.unit)
        let receiver = try lookups.operator(input.operatorRef, in: self)
        let supplier = try Validation.required(input.supplier, field: "supplier", zh: "供货方", en: "the supplier")
        let origin = try lookups.region(input.origin, in: self)
        let receipt = Receipt(
            batchCode: TraceCode.make(node: identity.node, deviceNumber: identity.deviceNumber, date: "000101", serial: 1),
            node: identity.node, product: product.code, quantity: quantity, unit: unit, operatorId: receiver.id,
            supplier: supplier, origin: origin.code, upstreamCode: try upstreamCode(input.upstreamCode),
            quarantineCert: try certificate(input.quarantineCert, field: "quarantine-cert"),
            meatQualityCert: try certificate(input.meatQualityCert, field: "meat-quality-cert"),
            originCert: try certificate(input.originCert, field: "origin-cert"),
            vehiclePlate: input.vehiclePlate?.trimmingSpaces.uppercased().nonEmpty,
            time: try self.time(input.time)
        )
        return try Self.withItems(receipt, input, industry: product.industry)
    }

    /// 检测: records a test of a batch; a failed test holds it.
    /// - Parameter batchNotSynced: record it even though the batch's receipt (from another device of this node) has
    ///   not reached this device yet; the server holds it until the receipt arrives.
    @discardableResult
    public func inspect(
        code: String, item: String, method: String?, value: String?, result: String, time: String?,
        batchNotSynced: Bool = false
    ) throws -> String {
        let batchCode = try batchNotSynced ? unsyncedBatchCode(code) : tradeableState(code, allowHeld: true).code
        let inspection = Inspection(
            batchCode: batchCode, item: try Validation.required(item, field: "item", zh: "检测项目", en: "the test item"),
            method: method?.trimmingSpaces.nonEmpty, value: value?.trimmingSpaces.nonEmpty,
            passed: try InspectionResult.parse(result), time: try self.time(time)
        )
        let id = UUIDv7.make()
        try append(.inspection(inspection), id: id)
        return id
    }

    /// 交易: records a sale and returns the buyer's child trace code.
    @discardableResult
    public func sell(_ input: SaleInput) throws -> (eventId: String, code: TraceCode) {
        let state = try tradeableState(input.code, allowHeld: false)
        let quantity = try Validation.quantity(input.quantity)
        try checkBalance(state, covers: quantity, verb: LocalizedText(zh: "销售", en: "sell"))
        let buyer = try Validation.required(input.buyer, field: "buyer", zh: "购买方", en: "the buyer")
        let registered = try findOperator(buyer)
        let price = try input.price.map { text in
            guard let price = Price(text) else {
                throw TraceSyncError(
                    .badPrice, field: "price",
                    zh: "单价「\(text)」无效：请输入不小于 0 的金额（元），最多两位小数，例如 12.5。",
                    en: "price \"\(text)\" is not valid: enter an amount in yuan of at least 0 with at most 2 decimals, e.g. 12.5."
                )
            }
            return price
        }
        let time = try self.time(input.time)
        let id = UUIDv7.make()
        let carrierPermit = try input.carrierPermit?.trimmingSpaces.nonEmpty.map {
            try IdentifierKind.dangerousGoodsTransportPermit.validate($0, field: "carrier-permit")
        }
        var sale = Sale(
            batchCode: state.code, childCode: state.code, buyerOperatorId: registered?.id,
            buyerName: registered == nil ? buyer : nil, quantity: quantity, price: price, time: time,
            carrier: input.carrier?.trimmingSpaces.nonEmpty, carrierPermit: carrierPermit,
            vehiclePlate: input.vehiclePlate?.trimmingSpaces.uppercased().nonEmpty
        )
        sale.containers = try soldContainers(input.containers, of: state)
        try database.inTransaction {
            sale.childCode = try mintCode(time: time)
            try append(.sale(sale), id: id)
        }
        return (id, sale.childCode)
    }

    /// 销毁: records a disposal of `quantity` (the whole balance when nil).
    @discardableResult
    public func dispose(code: String, quantity: String?, reason: String, witness: String?, time: String?) throws -> String {
        let state = try tradeableState(code, allowHeld: true)
        let amount = try quantity.map { try Validation.quantity($0) } ?? state.balance
        guard amount > .zero else {
            throw TraceSyncError(
                .nothingToDispose, field: "quantity",
                zh: "批次 \(state.code.grouped) 已没有余量可销毁。", en: "batch \(state.code.grouped) has no balance left to dispose of."
            )
        }
        try checkBalance(state, covers: amount, verb: LocalizedText(zh: "销毁", en: "dispose of"))
        let disposal = Disposal(
            batchCode: state.code, quantity: amount,
            reason: try Validation.required(reason, field: "reason", zh: "销毁原因", en: "the reason"),
            witness: witness?.trimmingSpaces.nonEmpty, time: try self.time(time)
        )
        let id = UUIDv7.make()
        try append(.disposal(disposal), id: id)
        return id
    }

    private func checkBalance(_ state: BatchState, covers quantity: Quantity, verb: LocalizedText) throws {
        guard quantity <= state.balance else {
            throw TraceSyncError(
                .exceedsBalance, field: "quantity",
                zh: "不能\(verb.zh) \(quantity) \(state.receipt.unit)：批次 \(state.code.grouped) 本机所知余量只有 \(state.balance) \(state.receipt.unit)。",
                en: "cannot \(verb.en) \(quantity) \(state.receipt.unit): batch \(state.code.grouped) has only \(state.balance) \(state.receipt.unit) left as this device knows it."
            )
        }
    }

    /// The state of a batch that may still be traded; refuses unknown, voided, disposed and (unless allowed) held ones.
    func tradeableState(_ code: String, allowHeld: Bool) throws -> BatchState {
        let state = try requireBatch(code)
        switch state.status {
        case .held where !allowHeld:
            throw TraceSyncError(
                .batchHeld, field: "code",
                zh: "批次 \(state.code.grouped) 处于食品安全扣留，不能交易。请销毁，或复检合格后由管理员解除扣留（作废检测记录不能解除）。",
                en: "batch \(state.code.grouped) is under a food-safety hold and cannot be traded. Dispose of it, or after a passing re-test have an admin release it (voiding the test does not)."
            )
        case .disposed, .voided:
            throw TraceSyncError(
                state.status == .disposed ? .batchDisposed : .batchVoided, field: "code",
                zh: "批次 \(state.code.grouped) 状态为「\(state.status.label.zh)」，不能再登记交易、检测或销毁。",
                en: "batch \(state.code.grouped) is \(state.status.label.en); no more sales, tests or disposals can be recorded."
            )
        default: return state
        }
    }

    /// A batch code of this node that this device may not know yet.
    private func unsyncedBatchCode(_ input: String) throws -> TraceCode {
        let code = try TraceCode(parsing: input)
        guard code.node == identity.node else {
            throw TraceSyncError(
                .outOfScope, field: "code",
                zh: "追溯码 \(code.grouped) 属于节点 \(code.node)，不是本设备所在的节点 \(identity.node)。",
                en: "trace code \(code.grouped) belongs to node \(code.node), not this device's node \(identity.node)."
            )
        }
        if let known = try? requireBatch(input) { return try tradeableState(known.code.digits, allowHeld: true).code }
        return code
    }

    /// The next trace code of this device for the business date of `time`.
    func mintCode(time: Int64) throws -> TraceCode {
        let date = BusinessTime.codeDate(time)
        let serial = try database.scalar(
            "INSERT INTO code_serials (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last",
            date
        ) ?? 1
        guard serial <= 99_999 else {
            throw TraceSyncError(
                .serialsExhausted,
                zh: "本设备当天（\(date)）的 99999 个追溯码已用完，请换用另一台设备。",
                en: "this device has used all 99,999 trace codes for \(date); use another device."
            )
        }
        return TraceCode.make(node: identity.node, deviceNumber: identity.deviceNumber, date: date, serial: Int(serial))
    }

    func time(_ text: String?) throws -> Int64 {
        guard let text = text?.trimmingSpaces.nonEmpty else { return wallClock() }
        return try BusinessTime.parse(text)
    }

    private func upstreamCode(_ text: String?) throws -> String? {
        guard let text = text.map(UpstreamCode.key)?.nonEmpty else { return nil }
        if TraceCode.hasOwnFormat(text) { return try TraceCode(parsing: text, field: "upstream-code").digits }
        guard (6...40).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw TraceSyncError(
                .badUpstreamCode, field: "upstream-code",
                zh: "上游追溯码「\(text)」无效：应为 6 到 40 位字母、数字或连字符。",
                en: "upstream code \"\(text)\" is not valid: use 6 to 40 letters, digits or hyphens."
            )
        }
        return text
    }

    private func certificate(_ text: String?, field: String) throws -> String? {
        guard let text = text?.trimmingSpaces.nonEmpty else { return nil }
        guard text.count <= 64 else {
            throw TraceSyncError(
                .badCertificate, field: field,
                zh: "证明编号「\(text)」过长：最多 64 个字符。", en: "certificate number \"\(text)\" is too long: at most 64 characters."
            )
        }
        return text
    }
}

extension String {
    /// nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
