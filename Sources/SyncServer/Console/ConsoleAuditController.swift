import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/audit?since=&until=&actor=&action=`: the audit log for province admins and auditors (403 for node
/// admins, as `GET /v1/admin/audit`), the latest records first, with the chain's verify result and its head.
struct ConsoleAuditController {
    let service: CentralService

    /// The most records one page shows; the filters narrow the rest.
    static let pageLimit = 200

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("audit", use: list)
    }

    static let title = LocalizedText(zh: "审计日志", en: "Audit log")

    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .auditor)
        let query = ConsoleForm(encoded: request.uri.query ?? "")
        let filters = ConsoleAuditPage.Filters(since: query["since"], until: query["until"], actor: query["actor"], action: query["action"])
        let records = try await service.auditRecords(
            since: try filters.since.map { try BusinessTime.parse($0, field: "since") },
            until: try filters.until.map { try BusinessTime.parse($0, field: "until") },
            actor: filters.actor, action: filters.action
        )
        let body = ConsoleAuditPage.body(
            records: Array(records.suffix(Self.pageLimit).reversed()), total: records.count, filters: filters,
            problem: try await service.verifyAuditChain(), head: try await service.auditHead()
        )
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }
}
