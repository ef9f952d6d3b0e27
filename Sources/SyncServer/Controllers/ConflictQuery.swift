import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The filters of `GET /v1/admin/conflicts` and `sync-server admin conflicts list`: `status`, `kind` and `node`, each
/// optional.
struct ConflictQuery {
    let status: ConflictStatus?
    let kind: ConflictKind?
    let node: String?

    /// Reads the query of the HTTP route, refusing unknown parameters and values that are not allowed.
    /// - Throws: `TraceSyncError` `unknown_field` or `bad_parameter`.
    init(_ parameters: Parameters) throws {
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !Self.known.contains($0) }) {
            throw TraceSyncError(.unknownField, field: unknown,
                                 zh: "未知查询参数 \(unknown)：可用的参数为 status、kind、node。",
                                 en: "unknown query parameter \(unknown): the parameters are status, kind and node.")
        }
        try self.init(status: parameters.get("status"), kind: parameters.get("kind"), node: parameters.get("node"))
    }

    /// Reads the filters as typed (by the HTTP query or the command line).
    /// - Throws: `TraceSyncError` `bad_parameter` naming the filter and its allowed values.
    init(status: String?, kind: String?, node: String?) throws {
        self.status = try status.map { try Self.value($0, of: ConflictStatus.self, name: "status") }
        self.kind = try kind.map { try Self.value($0, of: ConflictKind.self, name: "kind") }
        if let node, node.count != 8 || !node.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw TraceSyncError(.badParameter, field: "node",
                                 zh: "参数 node=\(node) 无效：节点编码为 8 位数字，如 46010001。",
                                 en: "parameter node=\(node) is not valid: a node code is 8 digits, e.g. 46010001.")
        }
        self.node = node
    }

    private static let known: Set<String> = ["status", "kind", "node"]

    private static func value<Value: RawRepresentable & CaseIterable>(
        _ text: String, of _: Value.Type, name: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue)
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "参数 \(name)=\(text) 无效：可用的值为 \(allowed.joined(separator: "、"))。",
                                 en: "parameter \(name)=\(text) is not valid: use one of \(allowed.joined(separator: ", ")).")
        }
        return value
    }
}
