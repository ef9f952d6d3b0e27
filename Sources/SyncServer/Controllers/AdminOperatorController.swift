import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/operators?node=`: a node's operators, each with the ids merged into it (`aliases`), their ID card
/// and phone numbers masked. A province admin
/// may add `reveal=personal` to see them in full, which the audit log records as `personal.reveal`; for anyone else
/// it is refused with 403. Every role may list, a node admin only their nodes'. Added behind `AdminAuthMiddleware`.
struct AdminOperatorController {
    let service: CentralService

    /// The routes, to add at `/v1/admin/operators`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
    }

    /// The node's operators by name, masked unless a province admin asked for `reveal=personal`.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [ListedOperator] {
        try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node", "reveal"])
        let node = try QueryValue.required(parameters.get("node"), "node", example: "46010001")
        try context.requireNode(node)
        let reveal = try context.authorizePersonalReveal(parameters.get("reveal"), node: node)
        let operators = try await service.operators(node: node)
        return reveal ? operators : operators.map(\.masked)
    }
}
