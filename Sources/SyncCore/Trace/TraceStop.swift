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
}

/// A batch and everything downstream of it.
public struct ForwardTrace: Codable, Hashable, Sendable {
    public let batch: TraceStop
    public let sales: [ForwardSale]
    /// Disposals that count: quantity and reason.
    public let disposals: [String]
}
