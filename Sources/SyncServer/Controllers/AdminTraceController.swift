import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/recall/{code}` and `GET /v1/admin/stats`: the recall list of a batch and the supervision counts.
/// Added behind `AdminAuthMiddleware`; every role may read, a node admin only about their own nodes.
struct AdminTraceController {
    let service: CentralService

    /// The routes, to add at `/v1/admin`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("recall/{code}", use: recall)
            .get("stats", use: stats)
    }

    /// Every sale downstream of the batch or code, with buyers and totals; 404 for a code linked to nothing, 403 for
    /// a node admin whose nodes do not hold the batch.
    @Sendable func recall(request: Request, context: SyncRequestContext) async throws -> RecallReport {
        try context.requireRole(.province, .node, .auditor)
        try QueryValue.refuseUnknown(request.uri.queryParameters, known: [])
        let recall = try await service.recallWithNodes(PublicTraceController.code(context))
        for node in recall.nodes { try context.requireNode(node) }
        return recall.report
    }

    /// Counts per node and business day over `from` … `to`; a node admin's hold only their nodes, and naming
    /// another node is refused.
    @Sendable func stats(request: Request, context: SyncRequestContext) async throws -> SupervisionStats {
        let admin = try context.requireRole(.province, .node, .auditor)
        let query = try DayRangeQuery(request.uri.queryParameters)
        if let node = query.node { try context.requireNode(node) }
        return try await service.stats(query).visible(to: admin)
    }
}
