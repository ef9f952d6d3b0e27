import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The query of `GET /v1/sync/pull`: `cursor` (default 0), `limit` (1 to 1000) and an optional `node`.
struct PullQuery {
    let cursor: Int64
    let limit: Int
    let node: String?

    /// Reads the query, refusing unknown parameters and values that are not in range.
    /// - Throws: `TraceSyncError` `unknown_field` or `bad_parameter`.
    init(_ parameters: Parameters, defaultLimit: Int) throws {
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !Self.known.contains($0) }) {
            throw TraceSyncError(.unknownField, field: unknown,
                                 zh: "未知查询参数 \(unknown)：可用的参数为 cursor、limit、node。",
                                 en: "unknown query parameter \(unknown): the parameters are cursor, limit and node.")
        }
        cursor = try Self.integer(parameters, "cursor", in: 0...Int64.max) ?? 0
        limit = Int(try Self.integer(parameters, "limit", in: 1...Int64(CentralStore.maxPullLimit)) ?? Int64(defaultLimit))
        node = parameters.get("node")
    }

    private static let known: Set<String> = ["cursor", "limit", "node"]

    private static func integer(_ parameters: Parameters, _ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = parameters.get(name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "参数 \(name)=\(text) 无效：应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。",
                                 en: "parameter \(name)=\(text) is not valid: use an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}
