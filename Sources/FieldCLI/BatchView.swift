import SyncCore

/// A batch as `show`, `trace` and `export` print it.
struct BatchView: Encodable {
    struct EventView: Encodable {
        let id: String
        let kind: EventKind
        let hlc: String
        let author: String
        let version: Int
        let voidedBy: String?
        /// The event's fields with corrections applied.
        let fields: JSONValue
    }

    let code: String
    let product: String
    let productName: LocalizedText
    let origin: String
    let originName: LocalizedText
    let unit: String
    let received: String
    let sold: String
    let disposed: String
    let balance: String
    let status: BatchStatus
    let flags: [BatchFlag]
    let receipt: JSONValue
    let events: [EventView]
    /// Conflicts the server recorded for the batch, open ones first.
    let conflicts: [ConflictRecord]

    init(_ state: BatchState, store: FieldStore) throws {
        code = state.code.digits
        product = state.receipt.product
        productName = store.productName(state.receipt.product)
        origin = state.receipt.origin
        originName = store.regionName(state.receipt.origin)
        unit = state.receipt.unit
        received = state.received.description
        sold = state.sold.description
        disposed = state.disposed.description
        balance = state.balance.description
        status = state.status
        flags = state.flags.sorted()
        receipt = try JSONValue(encoding: state.receipt)
        events = try state.lines.map {
            EventView(
                id: $0.event.id, kind: $0.event.body.kind, hlc: $0.event.hlc.description, author: $0.event.author,
                version: $0.version, voidedBy: $0.voidedBy, fields: try $0.current.payload(id: $0.event.id)
            )
        }
        conflicts = try store.conflicts(batch: state.code)
    }
}

extension Output {
    /// A batch in a few lines: code, product, status, balance, receipt details and every event.
    func describe(_ state: BatchState, store: FieldStore) -> String {
        let receipt = state.receipt
        var lines = [
            text("批次 ", "batch ") + state.code.grouped + " · " + text(store.productName(receipt.product))
                + " (\(receipt.product))",
            text("状态：", "status: ") + text(state.status.label)
                + state.flags.sorted().map { "  ⚠ " + text($0.label) }.joined(),
            text("余量：\(state.balance) \(receipt.unit)（进场 \(state.received) − 售出 \(state.sold) − 销毁 \(state.disposed)）",
                 "balance: \(state.balance) \(receipt.unit) (received \(state.received) − sold \(state.sold) − disposed \(state.disposed))"),
            text("经营户：", "operator: ") + ((try? store.operator(receipt.operatorId).name) ?? receipt.operatorId)
                + text("  供货方：", "  supplier: ") + receipt.supplier,
            text("产地：", "origin: ") + text(store.regionName(receipt.origin)) + " (\(receipt.origin))"
                + (receipt.upstreamCode.map { text("  上游追溯码：", "  upstream code: ") + $0 } ?? ""),
        ]
        let certificates = [
            receipt.quarantineCert.map { text("检疫证明 ", "quarantine cert ") + $0 },
            receipt.meatQualityCert.map { text("肉品品质证明 ", "meat quality cert ") + $0 },
            receipt.originCert.map { text("产地证明 ", "origin cert ") + $0 },
            receipt.vehiclePlate.map { text("车牌 ", "plate ") + $0 },
        ].compactMap { $0 }
        if !certificates.isEmpty { lines.append(certificates.joined(separator: "  ")) }
        lines.append(text("记录：", "events:"))
        for line in state.lines { lines.append("  " + describe(line, unit: receipt.unit)) }
        let conflicts = (try? store.conflicts(batch: state.code)) ?? []
        if !conflicts.isEmpty {
            lines.append(text("冲突：", "conflicts:"))
            for conflict in conflicts { lines.append("  " + describe(conflict)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A conflict on one line: its kind, status and, once resolved, the decision and its note.
    func describe(_ conflict: ConflictRecord) -> String {
        var text = "⚑ #\(conflict.id) " + self.text(conflict.kind.label) + " · "
            + (conflict.status == .open ? self.text("待处理", "open") : self.text("已处理", "resolved"))
            + self.text("，候选 \(conflict.candidates.count) 个", ", \(conflict.candidates.count) candidates")
        if let resolution = conflict.resolution {
            text += " · \(self.text(resolution.action.label)) · \(resolution.note) (\(resolution.author), "
                + BusinessTime.display(resolution.resolvedAt) + ")"
        }
        return text
    }

    /// One event on one line; quantities in the batch's `unit`.
    func describe(_ line: BatchState.Line, unit: String) -> String {
        let time = line.current.time.map(BusinessTime.display) ?? ""
        let detail: String
        switch line.current {
        case .receipt(let receipt): detail = "\(receipt.quantity) \(receipt.unit)"
        case .inspection(let inspection):
            detail = inspection.item + " " + (inspection.passed ? text("合格", "pass") : text("不合格", "FAIL"))
                + (inspection.value.map { " (\($0))" } ?? "")
        case .sale(let sale):
            detail = "\(sale.quantity) \(unit) → \(sale.buyerName ?? sale.buyerOperatorId ?? "")  "
                + text("子码 ", "child code ") + sale.childCode.grouped
        case .disposal(let disposal): detail = "\(disposal.quantity) \(unit) · \(disposal.reason)"
        case .correction(let correction):
            detail = correction.fields.keys.sorted().map { "\($0)=\(correction.fields[$0]!)" }.joined(separator: " ")
                + text(" → 记录 ", " → event ") + correction.target
        case .voiding(let voiding): detail = voiding.reason + text(" → 记录 ", " → event ") + voiding.target
        case .operatorRegistration(let registered): detail = registered.name
        case .release(let release): detail = release.note + text(" → 解除 ", " → lifts ") + release.lifts.joined(separator: ", ")
        case .equipment(_, let unit): detail = unit.equipmentCode
        case .packing(let packing):
            detail = "\(packing.contents.count) → \(text(packing.level.label)) " + packing.container.grouped
        case .unpacking(let unpacking):
            detail = "\(unpacking.contents.count) ← " + unpacking.container.grouped
        }
        var flags = ""
        if line.version > 0 { flags += text(" [已更正×\(line.version)]", " [corrected ×\(line.version)]") }
        if line.voidedBy != nil { flags += text(" [已作废]", " [voided]") }
        return "\(time)  \(text(line.current.kind.label))  \(detail)\(flags)  #\(line.event.id)"
    }
}
