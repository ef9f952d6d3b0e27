import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The query of `GET /v1/export/feed` and `sync-server export feed`: `cursor` (default 0, resume after the last item
/// seen) and `limit` (1 to 1000, default 100).
struct FeedQuery {
    let cursor: Int64
    let limit: Int

    /// The page size when none is asked for.
    static let defaultLimit = 100

    /// Reads the HTTP query, refusing unknown parameters.
    /// - Throws: `TraceSyncError` `unknown_field` or `bad_parameter`.
    init(_ parameters: Parameters) throws {
        try QueryValue.refuseUnknown(parameters, known: ["cursor", "limit"])
        try self.init(cursor: parameters.get("cursor"), limit: parameters.get("limit"))
    }

    /// Reads the values as typed.
    /// - Throws: `TraceSyncError` `bad_parameter`, naming the parameter.
    init(cursor: String?, limit: String?) throws {
        self.cursor = try cursor.map { try QueryValue.integer($0, "cursor", in: 0...Int64.max) } ?? 0
        self.limit = Int(try limit.map { try QueryValue.integer($0, "limit", in: 1...Int64(CentralStore.maxPullLimit)) }
            ?? Int64(Self.defaultLimit))
    }
}
