public import CentralCore
public import SyncCore

/// The EPCIS 2.0 export of merged events (README, "EPCIS export"), by business time.
extension CentralStore {
    /// The EPCIS 2.0 JSON-LD document of the facts whose business time is in `from ..< to` (milliseconds since the
    /// Unix epoch), of node `node` or of every node, created at the server's clock.
    ///
    /// Each fact carries its corrections as the store knows them now, and an `errorDeclaration` if it is voided. A
    /// voiding whose business time is in the range also re-sends the event it cancels, even from before `from`: in
    /// EPCIS an error is declared by sending the event again with the declaration, so an export of consecutive
    /// ranges tells the platform about late voidings. Events whose batch's receipt has not arrived (orphans) are
    /// left out until it does.
    /// - Throws: `TraceSyncError` `bad_range` when `from` is not before `to`, `unknown_node` for an unknown node.
    public func epcisDocument(from: Int64, to: Int64, node: String?) throws -> JSONValue {
        EPCISDocument.make(events: try exportedEvents(from: from, to: to, node: node), creationDate: clock())
    }

    /// The facts `epcisDocument(from:to:node:)` exports, in business-time order (then clock order).
    public func exportedEvents(from: Int64, to: Int64, node: String?) throws -> [ExportedEvent] {
        guard from < to else {
            throw TraceSyncError(.badRange, field: "from",
                                 zh: "导出时间范围无效：开始时间必须早于结束时间。",
                                 en: "the export range is not valid: its start must be before its end.")
        }
        if let node { _ = try self.node(node) }
        var regions: [String: String] = [:]
        var found: [(event: ExportedEvent, hlc: HLCTimestamp)] = []
        for code in try batchCodes(from: from, to: to, node: node) {
            guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { continue }
            let batchNode = state.receipt.node
            if regions[batchNode] == nil { regions[batchNode] = try self.node(batchNode).region }
            for line in state.lines where ExportedEvent.isExported(line.current.kind) {
                let voiding = line.voidedBy.flatMap { voidingOf(state, $0) }
                let time = line.current.time ?? 0
                guard (from..<to).contains(time) || voiding.map({ (from..<to).contains($0.time) }) == true else { continue }
                let event = ExportedEvent(
                    id: line.event.id, node: batchNode, nodeRegion: regions[batchNode]!, body: line.current,
                    product: state.receipt.product, unit: state.receipt.unit, voidedBy: voiding
                )
                found.append((event, line.event.hlc))
            }
        }
        found += try exportedEquipmentEvents(from: from, to: to, node: node, regions: &regions)
        return found.sorted { ($0.event.time, $0.hlc) < ($1.event.time, $1.hlc) }.map(\.event)
    }

    /// The batches with an event in the range: its facts, or voidings that re-send earlier facts.
    private func batchCodes(from: Int64, to: Int64, node: String?) throws -> [TraceCode] {
        let rows = if let node {
            try database.query(
                "SELECT DISTINCT batch_code FROM events WHERE node = ? AND time >= ? AND time < ? AND batch_code IS NOT NULL",
                node, from, to
            )
        } else {
            try database.query(
                "SELECT DISTINCT batch_code FROM events WHERE time >= ? AND time < ? AND batch_code IS NOT NULL", from, to
            )
        }
        return rows.compactMap { $0.string("batch_code").flatMap { try? TraceCode(parsing: $0) } }.sorted()
    }

    /// The voiding `eventId` of `state`, with its business time.
    private func voidingOf(_ state: BatchState, _ eventId: String) -> ExportedEvent.Voiding? {
        guard case .voiding(let voiding)? = state.line(eventId)?.current else { return nil }
        return ExportedEvent.Voiding(eventId: eventId, time: voiding.time)
    }
}
