public import SyncCore

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

    /// A batch of the recall that still holds goods, and the stall holding them: where an inspector collects what
    /// was not sold.
    public struct Holding: Codable, Hashable, Sendable {
        public let batchCode: String
        public let node: String
        public let nodeName: String
        public let product: String
        /// The operator the batch was received for, who holds what is left of it.
        public let operatorId: String
        /// The operator's name, or its id when the node has not registered it.
        public let operatorName: String
        public let stall: String?
        public let onHand: String
        public let unit: String
    }

    public let code: String
    public let rows: [Row]
    /// Batches in the recall, with what each still holds.
    public let batches: [TraceStop]
    /// The batches with goods on hand (neither voided nor disposed, balance above zero), each with its holder.
    public let holdings: [Holding]
    /// Summed over every batch in the recall, in each unit.
    public let totalSold: [String: String]
    public let totalDisposed: [String: String]
    public let totalOnHand: [String: String]
    /// For a case's or pallet's recall: every item in it (through the cases on a pallet); the rows are then the
    /// sales of the container (or of a container holding it) and what was sold downstream of them.
    public var items: [RecalledItem]?

    /// Flattens a forward trace; `holders` names, by batch code, the operator each batch was received for (its
    /// `operatorId` and, when registered, the operator).
    public init(code: String, traces: [ForwardTrace], holders: [String: (id: String, operator: Operator?)]) {
        var rows: [Row] = [], batches: [TraceStop] = [], holdings: [Holding] = []
        var sold: [String: Quantity] = [:], disposed: [String: Quantity] = [:], onHand: [String: Quantity] = [:]
        func walk(_ trace: ForwardTrace, depth: Int) {
            let batch = trace.batch
            batches.append(batch)
            sold[batch.unit, default: .zero] = sold[batch.unit, default: .zero] + (Quantity(batch.sold) ?? .zero)
            disposed[batch.unit, default: .zero] = disposed[batch.unit, default: .zero] + (Quantity(batch.disposed) ?? .zero)
            onHand[batch.unit, default: .zero] = onHand[batch.unit, default: .zero] + Self.quantity(batch.balance)
            if Self.holdsGoods(batch), let holder = holders[batch.batchCode] {
                holdings.append(Holding(
                    batchCode: batch.batchCode, node: batch.node?.code ?? "", nodeName: batch.node?.name ?? "",
                    product: batch.productName.zh, operatorId: holder.id, operatorName: holder.operator?.name ?? holder.id,
                    stall: holder.operator?.stall, onHand: batch.balance, unit: batch.unit
                ))
            }
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
        self.holdings = holdings
        totalSold = sold.mapValues(\.description)
        totalDisposed = disposed.mapValues(\.description)
        totalOnHand = onHand.mapValues(\.description)
    }

    /// True when `batch` still has goods someone holds: not voided or disposed of, and a balance above zero.
    package static func holdsGoods(_ batch: TraceStop) -> Bool {
        batch.status != .voided && batch.status != .disposed && quantity(batch.balance) > .zero
    }

    /// A balance, which may be negative (oversold).
    private static func quantity(_ text: String) -> Quantity {
        text.hasPrefix("-") ? Quantity.zero - (Quantity(String(text.dropFirst())) ?? .zero) : Quantity(text) ?? .zero
    }
}
