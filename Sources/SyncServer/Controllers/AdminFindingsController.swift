import Hummingbird
import Logging
import NIOCore
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/findings`, `POST /v1/admin/findings/{id}/follow-up` and `GET /v1/export/findings.csv`: the
/// follow-up queue of the supervision checks. Added behind `AdminAuthMiddleware`. Every role may read, a node admin
/// only their nodes' findings; province and node admins follow up; auditors only read.
struct AdminFindingsController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The queue's routes, to add at `/v1/admin/findings`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .post("{id}/follow-up", use: followUp)
    }

    /// The CSV route, to add at `/v1/export`.
    var exportEndpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("findings.csv", use: csv)
    }

    /// The findings by `node`, `check`, `severity` and `status`, the most severe first; a node admin's list holds
    /// only their nodes' findings, and naming another node is refused.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [FindingRecord] {
        try await selected(request, context)
    }

    /// The same selection as `text/csv`.
    @Sendable func csv(request: Request, context: SyncRequestContext) async throws -> Response {
        let text = FindingRecord.csv(try await selected(request, context))
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"findings.csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Records the body's follow-up on behalf of the authenticated admin; answers with the finding as it now stands.
    @Sendable func followUp(request: Request, context: SyncRequestContext) async throws -> FindingRecord {
        let text = context.parameters.get("id") ?? ""
        context.trail.action = "finding.follow_up"
        context.trail.target = text
        let admin = try context.requireRole(.province, .node)
        guard let id = Int64(text), id > 0 else {
            throw TraceSyncError(.badParameter, field: "id",
                                 zh: "核查发现编号 \(text) 无效：应为正整数，如 /v1/admin/findings/3/follow-up。",
                                 en: "finding id \(text) is not valid: use a positive integer, e.g. /v1/admin/findings/3/follow-up.")
        }
        let decision = try await Self.authorize(id, follow: { try await body.decode(FindingFollowUp.self, from: request) },
                                                context: context, service: service)
        let record = try await service.followUp(id, decision, author: admin.name)
        context.logger.info("finding followed up", metadata: ["finding.id": "\(id)", "finding.status": "\(record.status.rawValue)"])
        return record
    }

    private func selected(_ request: Request, _ context: SyncRequestContext) async throws -> [FindingRecord] {
        try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node", "check", "severity", "status"])
        let filter = try FindingFilter(node: parameters.get("node"), check: parameters.get("check"),
                                       severity: parameters.get("severity"), status: parameters.get("status"))
        return try await Self.visible(filter, context: context, service: service)
    }

    /// The findings `filter` selects that the context's admin may see (every role; a node admin their nodes');
    /// naming another node is refused. The console's queue lists the same.
    /// - Throws: `TraceSyncError` `forbidden` for a node admin naming another node, `not_found` for an unknown node.
    static func visible(_ filter: FindingFilter, context: SyncRequestContext, service: CentralService) async throws -> [FindingRecord] {
        let admin = try context.requireRole(.province, .node, .auditor)
        if let node = filter.node { try context.requireNode(node) }
        return try await service.findings(filter).filter { admin.mayAccess(node: $0.finding.node) }
    }

    /// The checks before a follow-up of finding `id`, the console's too: the admin must be allowed the finding's
    /// node, then the decision is read (`follow`), and a conflict it names must be one of a node the admin may see.
    /// Records the decided status in the audit trail's detail.
    /// - Throws: `TraceSyncError` `not_found` (no such finding), `forbidden` (another node's finding or conflict).
    static func authorize(_ id: Int64, follow: () async throws -> FindingFollowUp, context: SyncRequestContext,
                          service: CentralService) async throws -> FindingFollowUp {
        try context.requireNode(try await service.finding(id).finding.node)
        let decision = try await follow()
        context.trail.detail = decision.status.rawValue
        if let conflict = decision.conflictId, decision.status == .openedAsConflict {
            try context.requireNode(try await service.conflict(conflict).node)
        }
        return decision
    }
}
