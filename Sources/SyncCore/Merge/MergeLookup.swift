/// What the merge rules need to know about the store they merge into.
public protocol MergeLookup {
    func productExists(_ code: String) throws -> Bool
    func regionExists(_ code: String) throws -> Bool
    /// The node of the operator with this id (canonical or alias), nil when unknown.
    func operatorNode(_ id: String) throws -> String?
    /// The canonical operator registered at `node` with this credit code, if any, and the event that registered it
    /// (nil when an admin added it).
    func operatorWithCreditCode(_ creditCode: String, node: String) throws -> (id: String, eventId: String?)?
    /// The events the store has merged for batch `code`; empty when the batch is unknown.
    func batchEvents(_ code: TraceCode) throws -> [RecordedEvent]
    /// Batch `code` as its merged events make it; nil when its receipt has not been merged.
    func batchState(_ code: TraceCode) throws -> BatchState?
    /// True when a trace code is already taken by a batch or a sale.
    func codeExists(_ code: TraceCode) throws -> Bool
    /// The receipts (event ids) of batches that carry this quarantine certificate, with their operators.
    func certificateHolders(_ certificate: String) throws -> [(eventId: String, operatorId: String)]
    /// The candidate an already merged event makes, with `value`; nil when the event is unknown.
    func candidate(eventId: String, value: String) throws -> ConflictCandidate?
}

extension MergeLookup {
    /// Derives the state from `batchEvents(_:)`; a lookup that keeps states up to date may answer without it.
    public func batchState(_ code: TraceCode) throws -> BatchState? {
        BatchState.derive(code: code, events: try batchEvents(code))
    }
}

/// The server's view of time when it judges an entry.
public struct MergeContext: Sendable {
    /// When the server received the entry, milliseconds since the Unix epoch.
    public let receivedAt: Int64
    /// How far ahead of `receivedAt` a business time may be (a day).
    public let futureTolerance: Int64
    /// How far behind `receivedAt` a business time may be.
    public let pastWindow: Int64

    public init(receivedAt: Int64, futureTolerance: Int64 = 24 * 3_600_000, pastWindow: Int64 = 30 * 24 * 3_600_000) {
        self.receivedAt = receivedAt
        self.futureTolerance = futureTolerance
        self.pastWindow = pastWindow
    }
}
