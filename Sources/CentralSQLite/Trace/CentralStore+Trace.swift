public import CentralCore
public import SyncCore

/// Backward and forward trace on the central store: index lookups from code to batch to code, never a journal replay.
extension CentralStore {
    /// How many hops a trace follows before it stops (a guard against loops in bad upstream data).
    static let maxTraceDepth = 32

    /// Backward trace: the batch a code names (its own or a sale's child code), then each upstream code's batch, to
    /// the origin. A last stop whose batch is unknown is an upstream code from another system.
    /// - Throws: `TraceSyncError` `unknown_code` when the code names nothing here.
    public func traceBackward(_ input: String) throws -> (stops: [TraceStop], externalUpstream: String?) {
        let code = try TraceCode(parsing: input)
        guard try database.row("SELECT 1 FROM trace_links WHERE code = ?", code.digits) != nil else { throw Self.unknownCode(code) }
        var stops: [TraceStop] = []
        var seen: Set<String> = []
        var next: String? = code.digits
        while let current = next, stops.count < Self.maxTraceDepth, seen.insert(current).inserted {
            guard let link = try database.row("SELECT batch_code, event_id, kind FROM trace_links WHERE code = ?", current)
            else { return (stops, current) }
            guard let stop = try stop(code: current, batch: link.text("batch_code"),
                                      saleEvent: link.string("kind") == "sale" ? link.string("event_id") : nil) else {
                // A link whose sale was voided (or whose receipt has not arrived) ends the chain; as the queried
                // code itself, it names nothing a consumer may see, and the refusal says which.
                if stops.isEmpty {
                    let sale = link.string("kind") == "sale"
                        ? try voidedSale(batch: link.text("batch_code"), event: link.text("event_id"))
                        : (voided: false, seller: nil)
                    throw sale.voided ? Self.voidedCode(code, seller: sale.seller) : Self.notInEffect(code)
                }
                return (stops, nil)
            }
            stops.append(stop)
            next = stop.upstreamCode
        }
        return (stops, nil)
    }

    /// Forward trace: from a batch code, a sale's child code or a supplier's upstream code, every sale downstream
    /// with its buyer, quantity and date, following child codes into the batches received with them.
    public func traceForward(_ input: String) throws -> [ForwardTrace] {
        let key = UpstreamCode.key(input)
        if TraceCode.hasOwnFormat(key) {
            let code = try TraceCode(parsing: key)
            if let link = try database.row("SELECT batch_code, kind FROM trace_links WHERE code = ?", code.digits),
               link.string("kind") == "batch" {
                return try forward(batch: link.text("batch_code"), depth: 0).map { [$0] } ?? []
            }
        }
        let roots = try downstreamBatches(of: key, depth: 0)
        let linked = try database.row("SELECT 1 FROM trace_links WHERE code = ?", key) != nil
        guard !roots.isEmpty || linked else {
            throw TraceSyncError(.unknownCode, field: "code", zh: "没有与「\(input)」相关的批次。",
                                 en: "no batch is linked to \"\(input)\".")
        }
        return roots
    }

    private func forward(batch code: String, depth: Int) throws -> ForwardTrace? {
        let batchCode = try TraceCode(parsing: code)
        guard depth < Self.maxTraceDepth, let state = BatchState.derive(code: batchCode, events: try batchEvents(batchCode)),
              let batch = try stop(code: code, state: state, saleEvent: nil)
        else { return nil }
        var sales: [ForwardSale] = []
        var disposals: [String] = []
        for line in state.lines where line.counts {
            switch line.current {
            case .sale(let sale):
                let buyer = try sale.buyerOperatorId.flatMap {
                    try database.row("SELECT name FROM operators WHERE id = ?", $0)?.string("name")
                } ?? sale.buyerName ?? sale.buyerOperatorId ?? ""
                sales.append(ForwardSale(
                    eventId: line.event.id, childCode: sale.childCode.digits, buyer: buyer,
                    buyerOperatorId: sale.buyerOperatorId, quantity: sale.quantity.description,
                    price: sale.price?.description, time: sale.time,
                    downstream: try downstreamBatches(of: sale.childCode.digits, depth: depth + 1)
                ))
            case .disposal(let disposal): disposals.append("\(disposal.quantity) \(disposal.reason)")
            default: break
            }
        }
        return ForwardTrace(batch: batch, sales: sales, disposals: disposals)
    }

    private func downstreamBatches(of code: String, depth: Int) throws -> [ForwardTrace] {
        try database.query("SELECT code FROM batches WHERE upstream_code = ? ORDER BY time", code)
            .compactMap { try forward(batch: $0.text("code"), depth: depth) }
    }

    /// The stop for batch `batch`, reached through `code` (and the sale `saleEvent`, for a child code).
    private func stop(code: String, batch: String, saleEvent: String?) throws -> TraceStop? {
        let batchCode = try TraceCode(parsing: batch)
        guard let state = BatchState.derive(code: batchCode, events: try batchEvents(batchCode)) else { return nil }
        return try stop(code: code, state: state, saleEvent: saleEvent)
    }

    /// The stop for a batch as `state` has it, reached through `code` (and the sale `saleEvent`, for a child code).
    /// Its events' facts are read through the consumers' allow-list (`Disclosure`), corrections applied.
    private func stop(code: String, state: BatchState, saleEvent: String?) throws -> TraceStop? {
        let batch = state.code.digits
        let receipt = Disclosure.disclose(.receipt(state.receipt), to: .consumer)
        let productCode = receipt.text("product") ?? "", originCode = receipt.text("origin") ?? ""
        let product = try database.row("SELECT name, name_en FROM products WHERE code = ?", productCode)
        let region = try database.row("SELECT name, name_en FROM regions WHERE code = ?", originCode)
        var soldAt: Int64?
        if let saleEvent {
            guard let line = state.line(saleEvent), line.counts, line.current.kind == .sale else { return nil }
            soldAt = Disclosure.disclose(line.current, to: .consumer).time
        }
        let inspections: [TraceStop.InspectionOutcome] = state.lines.compactMap { line in
            guard line.counts, line.current.kind == .inspection else { return nil }
            return .init(Disclosure.disclose(line.current, to: .consumer))
        }
        return TraceStop(
            code: code, batchCode: batch, node: try? node(receipt.text("node") ?? ""), product: productCode,
            productName: LocalizedText(zh: product?.string("name") ?? productCode, en: product?.string("name_en") ?? productCode),
            origin: originCode,
            originName: LocalizedText(zh: region?.string("name") ?? originCode, en: region?.string("name_en") ?? originCode),
            unit: receipt.text("unit") ?? "", receivedAt: receipt.time ?? 0, soldAt: soldAt,
            received: state.received.description, sold: state.sold.description, disposed: state.disposed.description,
            balance: state.balance.description, status: state.status, flags: state.flags.sorted(),
            upstreamCode: receipt.text("upstreamCode"), inspections: inspections, conflicts: try conflicts(batch: batch)
        )
    }

    /// Whether the sale `event` of batch `batch` is recorded and voided, and the node that sold it.
    private func voidedSale(batch: String, event: String) throws -> (voided: Bool, seller: Node?) {
        let batchCode = try TraceCode(parsing: batch)
        guard let state = BatchState.derive(code: batchCode, events: try batchEvents(batchCode)),
              let line = state.line(event), !line.counts
        else { return (false, nil) }
        return (true, try? node(Disclosure.disclose(.receipt(state.receipt), to: .consumer).text("node") ?? ""))
    }

    /// Conflicts about a batch or with one of its events as a candidate.
    func conflicts(batch: String) throws -> [ConflictRecord] {
        try database.query(
            """
            SELECT id FROM conflicts WHERE batch_code = ?1 UNION
            SELECT cc.conflict_id FROM conflict_candidates cc JOIN events e ON e.id = cc.event_id WHERE e.batch_code = ?1
            ORDER BY 1
            """,
            batch
        ).map { try conflict($0.integer("id")) }
    }

    /// The child code of a sale the market `seller` voided (a wrong entry, goods taken back): what happened, and
    /// the market to ask, with its public phone and address.
    static func voidedCode(_ code: TraceCode, seller: Node?) -> TraceSyncError {
        let market = seller.map {
            PublicTrace.contact(name: LocalizedText(zh: $0.name, en: $0.nameEn), phone: $0.phone, address: $0.address)
        } ?? LocalizedText(zh: "售出的市场。", en: "the market that sold them.")
        return TraceSyncError(
            .voidedCode, field: "code",
            zh: "市场已作废这张收据上的销售记录（例如录入有误或已退货），这个追溯码不再对应任何商品。如您持有用这张收据购买的商品，请联系\(market.zh)",
            en: "The market voided the sale on this receipt (a wrong entry, or the goods were returned), so this code no longer names any goods. If you hold goods bought with this receipt, contact \(market.en)"
        )
    }

    /// A code whose batch's receipt has not reached the server yet.
    static func notInEffect(_ code: TraceCode) -> TraceSyncError {
        TraceSyncError(.unknownCode, field: "code",
                       zh: "查无此追溯码：\(code.grouped)（该记录尚未生效）。请稍后再试。",
                       en: "no record of trace code \(code.grouped) yet (its record is not in effect). Try again later.")
    }

    static func unknownCode(_ code: TraceCode) -> TraceSyncError {
        TraceSyncError(.unknownCode, field: "code",
                       zh: "查无此追溯码：\(code.grouped)。请核对收据上的追溯码。",
                       en: "no record of trace code \(code.grouped). Check the code on the receipt.")
    }

    /// The refusal of a public code that names nothing: a trace code's, or an item code's (a drug box's).
    static func unknownCode(_ code: PublicCode) -> TraceSyncError {
        switch code {
        case .trace(let code):
            return unknownCode(code)
        case .item(let digits):
            return TraceSyncError(.unknownCode, field: "code",
                                  zh: "查无此药品追溯码：\(digits)。请核对药盒上的追溯码。",
                                  en: "no record of item code \(digits). Check the code on the box.")
        }
    }
}
