import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/holds` and `POST /v1/admin/batches/{code}/release`: batches under a food-safety hold, and the
/// admin's release that alone lifts one (DESIGN.md §4). Added behind `AdminAuthMiddleware`. Every role may list (a
/// node admin only their nodes' batches); province admins release any batch, node admins their nodes'.
struct AdminHoldController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The routes, to add at `/v1/admin`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("holds", use: list)
            .post("batches/{code}/release", use: release)
    }

    /// The held batches by code, of one node (`?node=`) or all the admin may see, each with what holds it and
    /// why a release would be refused now.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [HeldBatch] {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node"])
        let node = try ConflictQuery(status: nil, kind: nil, node: parameters.get("node")).node
        if let node { try context.requireNode(node) }
        return try await service.holds(node: node).filter { admin.mayAccess(node: $0.node) }
    }

    /// Releases the batch's hold on behalf of the authenticated admin, with the body's note; answers with the
    /// release as recorded. Refused (409) while no passing re-test follows what holds the batch.
    @Sendable func release(request: Request, context: SyncRequestContext) async throws -> HoldReleaseRecord {
        let code = PublicTraceController.code(context)
        context.trail.action = "hold.release"
        context.trail.target = code
        let admin = try context.requireRole(.province, .node)
        try context.requireNode(try await service.batchNode(code))
        let decision = try await body.decode(ReleaseRequest.self, from: request)
        let record = try await service.releaseHold(code, decision, author: admin.name)
        context.logger.info("hold released", metadata: ["batch.code": "\(record.code)", "server.seq": "\(record.serverSeq)"])
        return record
    }
}
