public import SyncCore

/// One batch on a trace chain, as admins see it: its events' facts as the consumers' allow-list (`Disclosure`) shows
/// them, its balance and status, and its conflicts (for admins only: `PublicTrace` never copies them).
public struct TraceStop: Codable, Hashable, Sendable {
    /// One test of the batch.
    public struct InspectionOutcome: Codable, Hashable, Sendable {
        public let item: String
        public let passed: Bool
        public let time: Int64

        /// The outcome of the inspection `shown`, as an allow-list shows it.
        public init(_ shown: DisclosedEvent) {
            item = shown.text("item") ?? ""
            passed = shown.bool("passed") ?? false
            time = shown.time ?? 0
        }
    }

    /// The code that led here: the batch's own code, or a sale's child code pointing at it.
    public let code: String
    public let batchCode: String
    public let node: Node?
    public let product: String
    public let productName: LocalizedText
    public let origin: String
    public let originName: LocalizedText
    public let unit: String
    public let receivedAt: Int64
    /// When the queried child code was issued, for a stop reached through a sale.
    public let soldAt: Int64?
    public let received: String
    public let sold: String
    public let disposed: String
    public let balance: String
    public let status: BatchStatus
    public let flags: [BatchFlag]
    public let upstreamCode: String?
    /// Inspections that count, oldest first.
    public let inspections: [InspectionOutcome]
    /// Conflicts recorded for the batch, with their resolutions.
    public let conflicts: [ConflictRecord]

    package init(code: String, batchCode: String, node: Node?, product: String, productName: LocalizedText, origin: String, originName: LocalizedText, unit: String, receivedAt: Int64, soldAt: Int64?, received: String, sold: String, disposed: String, balance: String, status: BatchStatus, flags: [BatchFlag], upstreamCode: String?, inspections: [InspectionOutcome], conflicts: [ConflictRecord]) {
        self.code = code
        self.batchCode = batchCode
        self.node = node
        self.product = product
        self.productName = productName
        self.origin = origin
        self.originName = originName
        self.unit = unit
        self.receivedAt = receivedAt
        self.soldAt = soldAt
        self.received = received
        self.sold = sold
        self.disposed = disposed
        self.balance = balance
        self.status = status
        self.flags = flags
        self.upstreamCode = upstreamCode
        self.inspections = inspections
        self.conflicts = conflicts
    }
}

/// A sale on a forward trace, with what its buyer did with the goods downstream.
public struct ForwardSale: Codable, Hashable, Sendable {
    public let eventId: String
    public let childCode: String
    /// The buyer's name (a registered operator's name, or the free text recorded).
    public let buyer: String
    public let buyerOperatorId: String?
    public let quantity: String
    public let price: String?
    public let time: Int64
    /// Batches received elsewhere with this sale's child code as their upstream code.
    public let downstream: [ForwardTrace]

    package init(eventId: String, childCode: String, buyer: String, buyerOperatorId: String?, quantity: String, price: String?, time: Int64, downstream: [ForwardTrace]) {
        self.eventId = eventId
        self.childCode = childCode
        self.buyer = buyer
        self.buyerOperatorId = buyerOperatorId
        self.quantity = quantity
        self.price = price
        self.time = time
        self.downstream = downstream
    }
}

/// A batch and everything downstream of it.
public struct ForwardTrace: Codable, Hashable, Sendable {
    public let batch: TraceStop
    public let sales: [ForwardSale]
    /// Disposals that count: quantity and reason.
    public let disposals: [String]

    package init(batch: TraceStop, sales: [ForwardSale], disposals: [String]) {
        self.batch = batch
        self.sales = sales
        self.disposals = disposals
    }
}
