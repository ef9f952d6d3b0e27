/// The trace chain as far as this device knows it.
extension FieldStore {
    /// One link of a chain: a code and, when this device knows it, the batch it names.
    public struct TraceLink: Hashable, Sendable {
        public let code: String
        /// The batch, when the code is one this device knows.
        public let batch: BatchState?
    }

    /// A code's chain: the sale it was issued by (for a child code), its batch, the upstream links to the origin,
    /// and every sale downstream.
    public struct TraceChain: Hashable, Sendable {
        public let queried: TraceCode
        /// The sale that issued the queried code, when it is a child code.
        public let issuingSale: BatchState.Line?
        public let batch: BatchState
        /// Upstream codes, nearest first; the last has no known batch or no upstream code.
        public let upstream: [TraceLink]
        /// The batch's sales that count, in HLC order.
        public var downstream: [BatchState.Line] {
            batch.lines.filter { $0.counts && $0.event.body.kind == .sale }
        }
    }

    /// The chain of `input`, a batch or child code.
    public func trace(_ input: String) throws -> TraceChain {
        let queried = try TraceCode(parsing: input)
        let batch = try requireBatch(input)
        let issuingSale = batch.lines.first {
            if case .sale(let sale) = $0.event.body { return sale.childCode == queried }
            return false
        }
        var upstream: [TraceLink] = []
        var seen: Set<String> = [batch.code.digits]
        var next = batch.receipt.upstreamCode
        while let code = next, seen.insert(code).inserted {
            let known = TraceCode.hasOwnFormat(code) ? try? requireBatch(code) : nil
            upstream.append(TraceLink(code: code, batch: known))
            next = known?.receipt.upstreamCode
        }
        return TraceChain(queried: queried, issuingSale: issuingSale, batch: batch, upstream: upstream)
    }
}
