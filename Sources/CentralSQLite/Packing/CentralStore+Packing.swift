public import CentralCore
public import SyncCore

/// Serialised items and their cases and pallets on the central store: a consumer's scan of an item, and the recall
/// of a case or pallet. What a container holds is derived from its batch's events (`BatchPacking`).
extension CentralStore {
    /// The consumer's view of a serialised item's code (a drug box's 20-digit 药品追溯码): the trace of the batch
    /// it was last received in (or, once its case was sold whole, of the buyer's batch received with the sale's
    /// code), with its case and pallet and what its box says. `code` is the item code's 20 digits (`PublicCode.item`).
    /// - Throws: `TraceSyncError` `unknown_code` when no receipt names the item.
    public func itemTrace(_ code: String) throws -> PublicTrace {
        let place = try itemPlace(code)
        let trace = try traceBackward(place.head)
        guard !trace.stops.isEmpty else { throw Self.unknownCode(PublicCode.item(code)) }
        var shown = PublicTrace(code: code, stops: trace.stops, regions: try regionNames())
        let home = place.home, states = place.states, packing = BatchPacking(place.home)
        let boxes = ([home] + states.reversed()).map { Disclosure.disclose(.receipt($0.receipt), to: .consumer) }
        shown.item = PublicItem(
            code: code, batchCode: home.code.digits,
            containers: packing.enclosing(code).compactMap { container in
                packing.containers[container].map { PublicItem.Container(code: container.digits, level: $0.level) }
            },
            approvalNumber: boxes.lazy.compactMap { $0.text("approvalNumber") }.first,
            lotNumber: boxes.lazy.compactMap { $0.text("lotNumber") }.first,
            expiry: boxes.lazy.compactMap { $0.text("expiry") }.first
        )
        return shown
    }

    /// The batch whose backward trace the public page shows for `code`: a trace code's own, or for an item the
    /// batch it was last received in (`itemTrace`).
    /// - Throws: `TraceSyncError` `unknown_code` for an item no receipt names.
    public func traceHead(of code: PublicCode) throws -> String {
        switch code {
        case .trace(let code): code.digits
        case .item(let digits): try itemPlace(digits).head
        }
    }

    /// Where item `code` is: the batches whose receipts name it (oldest first), the one holding its packing (else the
    /// latest), and the batch its trace starts from: the latest receipt's, or once its case was sold whole, the
    /// buyer's batch received with the sale's code.
    private func itemPlace(_ code: String) throws -> (states: [BatchState], home: BatchState, head: String) {
        var states: [BatchState] = []
        for row in try database.query(
            "SELECT i.batch_code FROM items i JOIN batches b ON b.code = i.batch_code WHERE i.code = ? ORDER BY b.time, b.code",
            code
        ) {
            let batch = try TraceCode(parsing: try row.text("batch_code"))
            if let state = BatchState.derive(code: batch, events: try batchEvents(batch)), state.status != .voided,
               state.receipt.items?.contains(code) == true {
                states.append(state)
            }
        }
        guard let latest = states.last else { throw Self.unknownCode(PublicCode.item(code)) }
        let packed = states.last { !BatchPacking($0).enclosing(code).isEmpty }
        let home = packed ?? latest
        var head = latest.code.digits
        if packed != nil, let saleId = BatchPacking(home).saleOf(code), case .sale(let sale)? = home.line(saleId)?.current {
            head = try database.row(
                "SELECT code FROM batches WHERE upstream_code = ? ORDER BY time DESC, code DESC LIMIT 1", sale.childCode.digits
            )?.text("code") ?? sale.childCode.digits
        }
        return (states, home, head)
    }

    /// The recall of a case or pallet: every item in it (through the cases on a pallet), and the sales that sold it,
    /// a pallet holding it or a case on it whole, with what was sold downstream of them. Nil when no packing names
    /// `input`.
    public func containerRecall(_ input: String) throws -> RecallReport? {
        guard TraceCode.hasOwnFormat(input), let code = try? TraceCode(parsing: input) else { return nil }
        let batches = try database.query("SELECT batch_code FROM containers WHERE code = ? ORDER BY batch_code", code.digits)
            .map { try $0.text("batch_code") }
        guard !batches.isEmpty else { return nil }
        var items: [RecalledItem] = [], traces: [ForwardTrace] = []
        for batch in batches {
            let batchCode = try TraceCode(parsing: batch)
            guard let state = BatchState.derive(code: batchCode, events: try batchEvents(batchCode)) else { continue }
            let packing = BatchPacking(state)
            for item in packing.items(in: code) {
                items.append(RecalledItem(code: item, batchCode: batch, container: packing.holder[item]?.digits ?? code.digits))
            }
            var related: Set<TraceCode> = Set([code] + packing.enclosing(code.digits))
            if let container = packing.containers[code], container.level == .pallet {
                related.formUnion(container.contents.compactMap { try? TraceCode(parsing: $0) })
            }
            let sales: Set<String> = Set(state.lines.compactMap { line in
                guard line.counts, case .sale(let sale) = line.current,
                      !related.isDisjoint(with: sale.containers ?? []) else { return nil }
                return line.event.id
            })
            for trace in try traceForward(batch) {
                traces.append(ForwardTrace(batch: trace.batch, sales: trace.sales.filter { sales.contains($0.eventId) },
                                           disposals: trace.disposals))
            }
        }
        var report = try recall(code.digits, traces: traces)
        report.items = items
        return report
    }
}
