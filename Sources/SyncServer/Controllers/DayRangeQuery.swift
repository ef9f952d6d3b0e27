import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The query of `GET /v1/admin/stats` and `GET /v1/export/csv/{kind}`, and the same command-line options: business
/// days `from` … `to` (`YYYY-MM-DD`, both included), an optional `node` and an optional `industry`.
struct DayRangeQuery {
    let from: String
    let to: String
    let node: String?
    /// Only the batches of this industry's products; nil for every industry.
    let industry: Industry?

    /// Reads the HTTP query, refusing unknown parameters.
    /// - Throws: `TraceSyncError` `unknown_field`, `missing_field` or `bad_parameter`.
    init(_ parameters: Parameters) throws {
        try QueryValue.refuseUnknown(parameters, known: ["from", "to", "node", "industry"])
        try self.init(from: parameters.get("from"), to: parameters.get("to"), node: parameters.get("node"),
                      industry: parameters.get("industry"))
    }

    /// Reads the values as typed; an empty `industry` (a form's "all") is every industry.
    /// - Throws: `TraceSyncError` `missing_field` or `bad_parameter`, naming the parameter; for an unknown industry,
    ///   listing the industries there are.
    init(from: String?, to: String?, node: String?, industry: String? = nil) throws {
        self.from = try QueryValue.day(try QueryValue.required(from, "from", example: "2026-11-01"), "from")
        self.to = try QueryValue.day(try QueryValue.required(to, "to", example: "2026-11-30"), "to")
        try QueryValue.ordered(self.from, self.to, self.from, self.to)
        self.node = try node.map(QueryValue.node)
        self.industry = try industry.flatMap { $0.isEmpty ? nil : $0 }.map(QueryValue.industry)
    }
}
