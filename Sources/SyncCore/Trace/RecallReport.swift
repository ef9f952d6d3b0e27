/// A recall list: every sale downstream of a batch or code, with its buyer, and the totals an admin acts on.
public struct RecallReport: Codable, Hashable, Sendable {
    /// One sale to recall.
    public struct Row: Codable, Hashable, Sendable {
        /// 0 for the queried batch's own sales, 1 for sales of batches bought from it, …
        public let depth: Int
        public let batchCode: String
        public let node: String
        public let nodeName: String
        public let product: String
        public let childCode: String
        public let buyer: String
        public let quantity: String
        public let unit: String
        public let time: Int64
    }

    public let code: String
    public let rows: [Row]
    /// Batches in the recall, with what each still holds.
    public let batches: [TraceStop]
    /// Summed over every batch in the recall, in each unit.
    public let totalSold: [String: String]
    public let totalDisposed: [String: String]
    public let totalOnHand: [String: String]

    /// Flattens a forward trace.
    public init(code: String, traces: [ForwardTrace]) {
        var rows: [Row] = [], batches: [TraceStop] = []
        var sold: [String: Quantity] = [:], disposed: [String: Quantity] = [:], onHand: [String: Quantity] = [:]
        func walk(_ trace: ForwardTrace, depth: Int) {
            let batch = trace.batch
            batches.append(batch)
            sold[batch.unit, default: .zero] = sold[batch.unit, default: .zero] + (Quantity(batch.sold) ?? .zero)
            disposed[batch.unit, default: .zero] = disposed[batch.unit, default: .zero] + (Quantity(batch.disposed) ?? .zero)
            onHand[batch.unit, default: .zero] = onHand[batch.unit, default: .zero] + Self.quantity(batch.balance)
            for sale in trace.sales {
                rows.append(Row(
                    depth: depth, batchCode: batch.batchCode, node: batch.node?.code ?? "", nodeName: batch.node?.name ?? "",
                    product: batch.productName.zh, childCode: sale.childCode, buyer: sale.buyer, quantity: sale.quantity,
                    unit: batch.unit, time: sale.time
                ))
                for downstream in sale.downstream { walk(downstream, depth: depth + 1) }
            }
        }
        for trace in traces { walk(trace, depth: 0) }
        self.code = code
        self.rows = rows
        self.batches = batches
        totalSold = sold.mapValues(\.description)
        totalDisposed = disposed.mapValues(\.description)
        totalOnHand = onHand.mapValues(\.description)
    }

    /// A balance, which may be negative (oversold).
    private static func quantity(_ text: String) -> Quantity {
        text.hasPrefix("-") ? Quantity.zero - (Quantity(String(text.dropFirst())) ?? .zero) : Quantity(text) ?? .zero
    }
}

extension CentralStore {
    /// The recall list for a batch code, a child code or a supplier's upstream code.
    public func recall(_ code: String) throws -> RecallReport {
        RecallReport(code: code, traces: try traceForward(code))
    }
}
