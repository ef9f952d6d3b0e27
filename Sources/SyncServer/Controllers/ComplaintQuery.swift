import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The filters of `GET /v1/admin/complaints`, the console's queue and `sync-server admin complaints list`: `node`
/// and `status`, each optional.
struct ComplaintQuery {
    let node: String?
    let status: ComplaintStatus?

    /// Reads the query of the HTTP route, refusing unknown parameters and values that are not allowed.
    /// - Throws: `TraceSyncError` `unknown_field` or `bad_parameter`.
    init(_ parameters: Parameters) throws {
        try QueryValue.refuseUnknown(parameters, known: ["node", "status"])
        try self.init(node: parameters.get("node"), status: parameters.get("status"))
    }

    /// Reads the filters as typed (by the HTTP query, the console's form or the command line); blank is no filter.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the filter and its allowed values.
    init(node: String?, status: String?) throws {
        self.node = try node.flatMap { $0.isEmpty ? nil : try QueryValue.node($0) }
        self.status = try status.flatMap { $0.isEmpty ? nil : try Self.status($0) }
    }

    /// The store's filter.
    var filter: ComplaintFilter { ComplaintFilter(node: node, status: status) }

    /// A status by its name.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the allowed values.
    static func status(_ text: String) throws -> ComplaintStatus {
        guard let status = ComplaintStatus(rawValue: text) else {
            let allowed = ComplaintStatus.allCases.map(\.rawValue)
            throw TraceSyncError(.badParameter, field: "status",
                                 zh: "参数 status=\(text) 无效：可用的值为 \(allowed.joined(separator: "、"))。",
                                 en: "parameter status=\(text) is not valid: use one of \(allowed.joined(separator: ", ")).")
        }
        return status
    }
}
