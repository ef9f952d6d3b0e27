/// What a batch's packings, unpackings and sales of whole containers make of its serialised items (the receipt's
/// `items`): which case holds each item and which pallet each case, as of the batch's counted events in HLC order.
/// Pure, like `BatchState`: the same events give the same containers on every replica. When two devices packed the
/// same item into different cases offline, the later packing (by HLC) holds it; the merge flags the conflict.
public struct BatchPacking: Hashable, Sendable {
    /// A case or pallet as the batch's events leave it.
    public struct Container: Hashable, Sendable {
        public let code: TraceCode
        public let level: PackingLevel
        /// What it holds now, in the order packed.
        public fileprivate(set) var contents: [String]
        /// The counted sale that sold it whole, if any.
        public fileprivate(set) var soldBy: String?
    }

    /// The batch's serialised items, as received.
    public let items: [String]
    /// Its cases and pallets, by code.
    public private(set) var containers: [TraceCode: Container] = [:]
    /// The container that holds each item or case now.
    public private(set) var holder: [String: TraceCode] = [:]
    /// The packing that put each item or case where it is now.
    public private(set) var packedBy: [String: String] = [:]

    /// The containers of batch `state`.
    public init(_ state: BatchState) {
        items = state.receipt.items ?? []
        for line in state.lines where line.counts { take(line.event.id, line.current) }
    }

    private mutating func take(_ eventId: String, _ body: EventBody) {
        switch body {
        case .packing(let packing):
            if containers[packing.container] == nil {
                containers[packing.container] = Container(code: packing.container, level: packing.level, contents: [])
            }
            for content in packing.contents {
                if let previous = holder[content] { containers[previous]?.contents.removeAll { $0 == content } }
                holder[content] = packing.container
                packedBy[content] = eventId
                containers[packing.container]!.contents.append(content)
            }
        case .unpacking(let unpacking):
            for content in unpacking.contents where holder[content] == unpacking.container {
                holder[content] = nil
                packedBy[content] = nil
                containers[unpacking.container]?.contents.removeAll { $0 == content }
            }
        case .sale(let sale):
            for code in sale.containers ?? [] where containers[code]?.soldBy == nil { containers[code]?.soldBy = eventId }
        default: break
        }
    }

    /// The containers that enclose `content` (an item or case code), innermost first.
    public func enclosing(_ content: String) -> [TraceCode] {
        var chain: [TraceCode] = [], current = content
        while let outer = holder[current], !chain.contains(outer) {
            chain.append(outer)
            current = outer.digits
        }
        return chain
    }

    /// Every item inside container `code`, through the cases on a pallet, in the order packed.
    public func items(in code: TraceCode) -> [String] {
        var found: [String] = [], seen: Set<TraceCode> = []
        func walk(_ code: TraceCode) {
            guard seen.insert(code).inserted, let container = containers[code] else { return }
            for content in container.contents {
                if container.level == .pallet, let inner = try? TraceCode(parsing: content) { walk(inner) } else {
                    found.append(content)
                }
            }
        }
        walk(code)
        return found
    }

    /// The sale that sold `content` or a container enclosing it (or `content` itself, a container) whole, if any.
    public func saleOf(_ content: String) -> String? {
        let own = (try? TraceCode(parsing: content)).flatMap { containers[$0]?.soldBy }
        return own ?? enclosing(content).lazy.compactMap { containers[$0]?.soldBy }.first
    }
}
