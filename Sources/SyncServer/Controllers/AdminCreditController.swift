import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Operator credit over HTTP, behind `AdminAuthMiddleware`: `GET /v1/admin/operators/{id}/credit` (one operator's
/// score, grade and every input), `GET /v1/admin/credit?node=` (a node's operators, worst first), and
/// `GET`/`PUT /v1/admin/credit/settings` (whether the public page shows grades). Every role may read, a node admin
/// only their nodes' operators; only a province admin changes the setting, which the audit log records as
/// `credit.settings`.
struct AdminCreditController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The listing and settings, to add at `/v1/admin/credit`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .get("settings", use: settings)
            .put("settings", use: changeSettings)
    }

    /// One operator's credit, to add at `/v1/admin/operators`.
    var operatorEndpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("{id}/credit", use: credit)
    }

    /// The credit of the operator in the path; a node admin's own nodes' operators only.
    @Sendable func credit(request: Request, context: SyncRequestContext) async throws -> OperatorCredit {
        try context.requireRole(.province, .node, .auditor)
        try QueryValue.refuseUnknown(request.uri.queryParameters, known: [])
        let id = context.parameters.get("id") ?? ""
        context.trail.target = id
        let credit = try await service.operatorCredit(id)
        try context.requireNode(credit.node)
        return credit
    }

    /// The credit of the node's operators, worst first.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> CreditListing {
        try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node"])
        let node = try QueryValue.required(parameters.get("node"), "node", example: "46010001")
        try context.requireNode(node)
        return try await service.creditListing(node: node)
    }

    /// The province's credit settings.
    @Sendable func settings(request: Request, context: SyncRequestContext) async throws -> CreditSettings {
        try context.requireRole(.province, .node, .auditor)
        try QueryValue.refuseUnknown(request.uri.queryParameters, known: [])
        return try await service.creditSettings()
    }

    /// Switches the public grade on or off; a province admin only.
    @Sendable func changeSettings(request: Request, context: SyncRequestContext) async throws -> CreditSettings {
        context.trail.action = "credit.settings"
        try context.requireRole(.province)
        let settings = try await body.decode(CreditSettings.self, from: request)
        context.trail.target = settings.publicGrade ? "public_grade=on" : "public_grade=off"
        let stored = try await service.setCreditSettings(settings)
        context.logger.info("credit settings changed", metadata: ["credit.public_grade": "\(stored.publicGrade)"])
        return stored
    }
}
