/// What the merge rules need to know about the store they merge into.
public protocol MergeLookup {
    func productExists(_ code: String) throws -> Bool
    func regionExists(_ code: String) throws -> Bool
    /// The node of the operator with this id, nil when unknown.
    func operatorNode(_ id: String) throws -> String?
    /// The events the store has merged for batch `code`; empty when the batch is unknown.
    func batchEvents(_ code: TraceCode) throws -> [RecordedEvent]
    /// True when a trace code is already taken by a batch or a sale.
    func codeExists(_ code: TraceCode) throws -> Bool
}
