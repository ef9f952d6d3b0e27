import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/findings` (the supervision checks' follow-up queue), `GET /console/findings.csv` (the same selection
/// as `GET /v1/export/findings.csv` gives, for a browser that holds a console session rather than a bearer token),
/// `GET /console/findings/{id}` (one finding with its evidence and the follow-up forms) and `POST
/// /console/findings/{id}` (a follow-up). The same role and node checks as `/v1/admin/findings`
/// (`AdminFindingsController.visible` and `.authorize`): every role reads, a node admin only their nodes; province and
/// node admins follow up, audited as `finding.follow_up` with the finding's id as the API's follow-up is.
struct ConsoleFindingsController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("findings", use: queue)
            .get("findings.csv", use: csv)
            .get("findings/{id}", use: detail)
            .post("findings/{id}", use: followUp)
    }

    /// The queue filtered by node, check, severity and status (open unless another is chosen), the most severe first.
    @Sendable func queue(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let query = try ConsoleFindingsQuery(request)
        let findings = try await AdminFindingsController.visible(query.filter, context: context, service: service)
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let body = ConsoleFindingsPage.filterForm(query, nodes: nodes) + ConsoleFindingsPage.table(findings)
        return try ConsolePage.response(title: ConsoleFindingsPage.title, context: context, body: body)
    }

    /// The queue's selection as CSV, as `GET /v1/export/findings.csv` writes it; audited as an export.
    @Sendable func csv(request: Request, context: SyncRequestContext) async throws -> Response {
        let query = try ConsoleFindingsQuery(request)
        context.trail.action = "export.request"
        let findings = try await AdminFindingsController.visible(query.filter, context: context, service: service)
        return ConsoleStatsController.download(FindingRecord.csv(findings), type: "text/csv", name: "findings.csv")
    }

    /// One finding: what the check saw, its follow-up so far, and for province and node admins the follow-up forms.
    @Sendable func detail(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let id = try Self.id(context)
        let record = try await service.finding(id)
        try context.requireNode(record.finding.node)
        let session = try context.requireConsole()
        let mayFollowUp = [.province, .node].contains(admin.role)
        let conflicts = mayFollowUp ? try await service.conflicts(status: .open, kind: nil, node: record.finding.node) : []
        let body = ConsoleFindingsPage.detail(record, conflicts: conflicts, csrf: mayFollowUp ? session.csrf : nil,
                                              saved: request.uri.queryParameters.get("done") != nil)
        return try ConsolePage.response(title: LocalizedText(zh: "核查发现 #\(id)", en: "Finding #\(id)"), context: context, body: body)
    }

    /// Records the form's follow-up as `POST /v1/admin/findings/{id}/follow-up` does; then the finding's page.
    @Sendable func followUp(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        context.trail.action = "finding.follow_up"
        context.trail.target = context.parameters.get("id") ?? ""
        let admin = try context.requireRole(.province, .node)
        let id = try Self.id(context)
        let form = try await ConsoleForm.read(&request)
        let decision = try await AdminFindingsController.authorize(id, follow: { try Self.followUp(form) }, context: context, service: service)
        let record = try await service.followUp(id, decision, author: admin.name)
        context.logger.info("finding followed up", metadata: ["finding.id": "\(id)", "finding.status": "\(record.status.rawValue)"])
        return ConsolePage.redirect("/console/findings/\(id)?done=1")
    }

    /// The finding id of the route.
    /// - Throws: `TraceSyncError` `bad_parameter` for anything but a positive integer.
    static func id(_ context: SyncRequestContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw TraceSyncError(.badParameter, field: "id",
                                 zh: "核查发现编号 \(text) 无效：应为正整数，如 /console/findings/3。",
                                 en: "finding id \(text) is not valid: use a positive integer, e.g. /console/findings/3.")
        }
        return id
    }

    /// The follow-up a form asks for: its status, its note, and for `opened_as_conflict` the conflict id typed in
    /// (`conflictId`), else the one chosen from the node's open conflicts (`conflict`).
    /// - Throws: `TraceSyncError` `missing_field` (no status or note), `bad_parameter` (an unknown status, a conflict
    ///   id that is not a number).
    static func followUp(_ form: ConsoleForm) throws -> FindingFollowUp {
        let status = try FindingStatus.parse(try form.require("status", zh: "跟进结果", en: "the outcome"))
        let note = try form.require("note", zh: "跟进说明", en: "a note saying what was done or why")
        guard status == .openedAsConflict else { return FindingFollowUp(status: status, note: note) }
        let typed = form["conflictId"] ?? form["conflict"]
        let conflict = try typed.map { text in
            guard let id = Int64(text.trimmingPrefix("#")), id > 0 else {
                throw TraceSyncError(.badParameter, field: "conflictId",
                                     zh: "冲突编号 \(text) 无效：应为正整数，如 12。", en: "conflict id \(text) is not valid: use a positive integer, e.g. 12.")
            }
            return id
        }
        return FindingFollowUp(status: status, note: note, conflictId: conflict)
    }
}

/// The queue's filters as a console URL carries them: blank means any; `status` absent means `open`.
struct ConsoleFindingsQuery {
    let filter: FindingFilter
    /// The status field as the form shows it: a status, or blank for any.
    let status: String

    /// The filters of the request's query.
    /// - Throws: `TraceSyncError` `bad_parameter` naming a filter and its allowed values.
    init(_ request: Request) throws {
        let form = ConsoleForm(encoded: request.uri.query ?? "")
        status = form.fields["status"] == nil ? FindingStatus.open.rawValue : form["status"] ?? ""
        filter = try FindingFilter(node: form["node"], check: form["check"], severity: form["severity"],
                                   status: status.isEmpty ? nil : status)
    }

    /// The filters as a query string (`node=…&check=…`), blank ones left out but a blank status kept.
    var queryString: String {
        var pairs = [("node", filter.node), ("check", filter.check), ("severity", filter.severity?.rawValue)]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }
        pairs.append("status=\(status)")
        return pairs.joined(separator: "&")
    }
}
