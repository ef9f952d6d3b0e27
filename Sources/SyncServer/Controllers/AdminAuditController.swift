import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/audit`: the audit log, in log order, filtered by `since`, `until` (times, e.g. `2026-11-24` or
/// `2026-11-24T05:12:00+08:00`), `actor` and `action` (an action or its dotted prefix). Province admins and auditors
/// only. Added behind `AdminAuthMiddleware`.
struct AdminAuditController {
    let service: CentralService

    /// The routes, to add at `/v1/admin/audit`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
    }

    /// The records the filters select.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [AuditRecord] {
        try context.requireRole(.province, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["since", "until", "actor", "action"])
        return try await service.auditRecords(
            since: try parameters.get("since").map { try BusinessTime.parse($0, field: "since") },
            until: try parameters.get("until").map { try BusinessTime.parse($0, field: "until") },
            actor: parameters.get("actor"), action: parameters.get("action")
        )
    }
}
