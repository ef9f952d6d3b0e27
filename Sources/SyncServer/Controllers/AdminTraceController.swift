import Hummingbird
import SyncCore

/// `GET /v1/admin/recall/{code}` and `GET /v1/admin/stats`: the recall list of a batch and the supervision counts.
/// Added behind `AdminAuthMiddleware`.
struct AdminTraceController {
    let service: CentralService

    /// The routes, to add at `/v1/admin`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("recall/{code}", use: recall)
            .get("stats", use: stats)
    }

    /// Every sale downstream of the batch or code, with buyers and totals; 404 for a code linked to nothing.
    @Sendable func recall(request: Request, context: SyncRequestContext) async throws -> RecallReport {
        _ = try context.requireAdmin()
        try QueryValue.refuseUnknown(request.uri.queryParameters, known: [])
        return try await service.recall(PublicTraceController.code(context))
    }

    /// Counts per node and business day over `from` … `to`.
    @Sendable func stats(request: Request, context: SyncRequestContext) async throws -> SupervisionStats {
        _ = try context.requireAdmin()
        let query = try DayRangeQuery(request.uri.queryParameters)
        return try await service.stats(query)
    }
}
