import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// The consumer's view of a trace code.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check` for a mistyped code, `unknown_code` for
    ///   one that names nothing, `voided_code` for the child code of a sale the market voided.
    public func publicTrace(_ input: String) throws -> PublicTrace {
        let code: TraceCode
        switch try PublicCode(parsing: input) {
        case .item(let digits): return try itemTrace(digits)
        case .trace(let traceCode): code = traceCode
        }
        let trace = try traceBackward(code.digits)
        guard !trace.stops.isEmpty else { throw Self.unknownCode(code) }
        return PublicTrace(code: code.digits, stops: trace.stops, regions: try regionNames())
    }
}
