import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/credit?node=`: a node's operators' credit, worst first, with every input beside each score, as
/// `GET /v1/admin/credit?node=` answers it; `POST /console/credit/public`: a province admin switches the public
/// page's grade on or off, as `PUT /v1/admin/credit/settings` does, audited as `credit.settings`. Every role may
/// look, a node admin at their own nodes only.
struct ConsoleCreditController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("credit", use: list)
            .post("credit/public", use: switchPublic)
    }

    /// The credit of the chosen node's operators (by default the admin's first node).
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let chosen = request.uri.queryParameters.get("node").flatMap { $0.isEmpty ? nil : $0 } ?? nodes.first?.code
        guard let node = chosen else {
            return try ConsolePage.response(title: ConsoleCreditPage.title, context: context,
                                            body: "<p>\(ConsolePage.t("没有可查看的节点。", "No node to show."))</p>")
        }
        try context.requireNode(node)
        let listing = try await service.creditListing(node: node)
        let csrf = admin.role == .province ? try context.requireConsole().csrf : nil
        let body = ConsoleCreditPage.body(listing, nodes: nodes, csrf: csrf,
                                          switched: request.uri.queryParameters.get("switched") != nil)
        return try ConsolePage.response(title: ConsoleCreditPage.title, context: context, body: body)
    }

    /// Switches the public grade as the form's `publicGrade` (`on` or `off`) says, then back to the page.
    @Sendable func switchPublic(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        context.trail.action = "credit.settings"
        try context.requireRole(.province)
        let form = try await ConsoleForm.read(&request)
        let value = try form.require("publicGrade", zh: "是否公开等级", en: "whether to show grades")
        guard value == "on" || value == "off" else {
            throw TraceSyncError(.badParameter, field: "publicGrade",
                                 zh: "publicGrade=\(value) 无效：应为 on 或 off。", en: "publicGrade=\(value) is not valid: use on or off.")
        }
        context.trail.target = "public_grade=\(value)"
        _ = try await service.setCreditSettings(CreditSettings(publicGrade: value == "on"))
        let node = form["node"].map { "node=\($0.addingPercentEncodingForQuery)&" } ?? ""
        return ConsolePage.redirect("/console/credit?\(node)switched=1")
    }
}

private extension String {
    /// The text as a query value: only unreserved characters stay as they are.
    var addingPercentEncodingForQuery: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
