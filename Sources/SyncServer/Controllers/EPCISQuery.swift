import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The query of `GET /v1/export/epcis` and `sync-server export epcis`: `from` and `to` as days (`to` included) or
/// ISO 8601 instants (`to` excluded), and an optional `node`.
struct EPCISQuery {
    /// Milliseconds since the Unix epoch: the range is `from ..< to`.
    let from: Int64
    let to: Int64
    let node: String?

    /// Reads the HTTP query, refusing unknown parameters.
    /// - Throws: `TraceSyncError` `unknown_field`, `missing_field` or `bad_parameter`.
    init(_ parameters: Parameters) throws {
        try QueryValue.refuseUnknown(parameters, known: ["from", "to", "node"])
        try self.init(from: parameters.get("from"), to: parameters.get("to"), node: parameters.get("node"))
    }

    /// Reads the values as typed.
    /// - Throws: `TraceSyncError` `missing_field` or `bad_parameter`, naming the parameter.
    init(from: String?, to: String?, node: String?) throws {
        let fromText = try QueryValue.required(from, "from", example: "2026-11-24")
        let toText = try QueryValue.required(to, "to", example: "2026-11-24")
        self.from = try QueryValue.instant(fromText, "from", endOfDay: false)
        self.to = try QueryValue.instant(toText, "to", endOfDay: true)
        try QueryValue.ordered(self.from + 1, self.to, fromText, toText)
        self.node = try node.map(QueryValue.node)
    }
}
