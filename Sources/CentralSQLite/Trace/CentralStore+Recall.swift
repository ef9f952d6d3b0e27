import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// The recall list for a batch code, a child code or a supplier's upstream code.
    public func recall(_ code: String) throws -> RecallReport {
        if let report = try containerRecall(code) { return report }
        return try recall(code, traces: try traceForward(code))
    }

    /// The recall list of `code` from its forward trace `traces`, with the holder of every batch still holding goods.
    public func recall(_ code: String, traces: [ForwardTrace]) throws -> RecallReport {
        var holders: [String: (id: String, operator: Operator?)] = [:]
        func collect(_ trace: ForwardTrace) throws {
            let code = try TraceCode(parsing: trace.batch.batchCode)
            if RecallReport.holdsGoods(trace.batch), let state = BatchState.derive(code: code, events: try batchEvents(code)) {
                let id = state.receipt.operatorId
                holders[trace.batch.batchCode] = (id, try database.row(
                    "SELECT record, sealed FROM operators WHERE id = ?", id
                ).map(storedOperator))
            }
            for sale in trace.sales { for downstream in sale.downstream { try collect(downstream) } }
        }
        for trace in traces { try collect(trace) }
        return RecallReport(code: code, traces: traces, holders: holders)
    }
}
