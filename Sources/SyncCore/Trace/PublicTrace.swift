/// What a consumer sees for a trace code: where the food came from and whether it passed its tests. Never prices,
/// buyers, personal numbers, devices or inspectors.
public struct PublicTrace: Codable, Hashable, Sendable {
    /// One place the goods passed through.
    public struct Stop: Codable, Hashable, Sendable {
        public let nodeName: LocalizedText
        public let nodeKind: String
        public let region: String
        public let receivedAt: Int64
        /// When the goods left for the next stop (the sale that issued the next code), if known.
        public let soldAt: Int64?
        public let inspections: [TraceStop.InspectionOutcome]
        /// True when a failed test holds the batch, or it was traded while held.
        public let onHold: Bool
    }

    public let code: String
    public let product: LocalizedText
    public let origin: LocalizedText
    public let originCode: String
    /// From the consumer's end back to the origin.
    public let stops: [Stop]
    /// True when any batch on the chain is under a food-safety hold.
    public let foodSafetyHold: Bool

    /// The public view of a backward trace.
    public init(code: String, stops: [TraceStop]) {
        self.code = code
        let first = stops.first!, last = stops.last!
        product = first.productName
        origin = last.originName
        originCode = last.origin
        self.stops = stops.map { stop in
            Stop(
                nodeName: stop.node.map { LocalizedText(zh: $0.name, en: $0.nameEn) } ?? LocalizedText(zh: "未知节点", en: "unknown node"),
                nodeKind: stop.node?.kind ?? "", region: stop.node?.region ?? "", receivedAt: stop.receivedAt,
                soldAt: stop.soldAt, inspections: stop.inspections,
                onHold: stop.status == .held || stop.flags.contains(.tradedWhileHeld)
            )
        }
        foodSafetyHold = self.stops.contains(where: \.onHold)
    }
}

extension CentralStore {
    /// The consumer's view of a trace code.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check` for a mistyped code, `unknown_code` for
    ///   one that names nothing.
    public func publicTrace(_ input: String) throws -> PublicTrace {
        let code = try TraceCode(parsing: input)
        let trace = try traceBackward(code.digits)
        guard !trace.stops.isEmpty else { throw Self.unknownCode(code) }
        return PublicTrace(code: code.digits, stops: trace.stops)
    }
}
