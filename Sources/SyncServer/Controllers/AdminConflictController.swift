import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/conflicts`, `GET /v1/admin/conflicts/{id}` and `POST /v1/admin/conflicts/{id}/resolve`: the
/// admins' queue of conflicts (DESIGN.md §4). Added behind `AdminAuthMiddleware`. Every role may read, a node admin
/// only their nodes' conflicts; province and node admins may resolve.
struct AdminConflictController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The routes, to add at `/v1/admin/conflicts`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .get("{id}", use: show)
            .post("{id}/resolve", use: resolve)
    }

    /// The conflicts, newest first, filtered by `status`, `kind` and `node`; a node admin's list holds only their
    /// nodes' conflicts, and naming another node is refused.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [ConflictRecord] {
        let admin = try context.requireRole(.province, .node, .auditor)
        let query = try ConflictQuery(request.uri.queryParameters)
        if let node = query.node { try context.requireNode(node) }
        return try await service.conflicts(status: query.status, kind: query.kind, node: query.node)
            .filter { admin.mayAccess(node: $0.node) }
    }

    /// One conflict with every candidate and its resolution, if any.
    @Sendable func show(request: Request, context: SyncRequestContext) async throws -> ConflictRecord {
        try context.requireRole(.province, .node, .auditor)
        let record = try await service.conflict(try Self.id(context))
        try context.requireNode(record.node)
        return record
    }

    /// Settles the conflict as the body says, on behalf of the authenticated admin; answers with the settled record.
    @Sendable func resolve(request: Request, context: SyncRequestContext) async throws -> ConflictRecord {
        let admin = try context.requireRole(.province, .node)
        let id = try Self.id(context)
        try context.requireNode(try await service.conflict(id).node)
        let decision = try await body.decode(ResolveRequest.self, from: request)
        let record = try await service.resolve(id, decision, author: admin.name)
        context.logger.info("conflict resolved", metadata: [
            "conflict.id": "\(id)", "conflict.kind": "\(record.kind.rawValue)", "resolution.action": "\(decision.action.rawValue)",
        ])
        return record
    }

    /// The `{id}` path parameter.
    /// - Throws: `TraceSyncError` `bad_parameter` when it is not a positive integer.
    private static func id(_ context: SyncRequestContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw TraceSyncError(.badParameter, field: "id",
                                 zh: "冲突编号 \(text) 无效：应为正整数，如 /v1/admin/conflicts/3。",
                                 en: "conflict id \(text) is not valid: use a positive integer, e.g. /v1/admin/conflicts/3.")
        }
        return id
    }
}
