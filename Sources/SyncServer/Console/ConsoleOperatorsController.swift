import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/operators?node=`: a node's operators with the ids merged into each, ID card and phone numbers
/// masked. A province admin may open `&reveal=personal` to see them in full, audited as `personal.reveal` as the
/// API's `GET /v1/admin/operators?reveal=personal` is; anyone else is refused with 403. Every role may look, a node
/// admin at their own nodes only.
struct ConsoleOperatorsController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("operators", use: list)
    }

    /// The operators of the chosen node (by default the admin's first), masked unless revealed.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let chosen = parameters.get("node").flatMap { $0.isEmpty ? nil : $0 } ?? nodes.first?.code
        guard let node = chosen else {
            return try ConsolePage.response(title: Self.title, context: context,
                                            body: "<p>\(ConsolePage.t("没有可查看的节点。", "No node to show."))</p>")
        }
        try context.requireNode(node)
        let reveal = try context.authorizePersonalReveal(parameters.get("reveal"), node: node)
        let listed = try await service.operators(node: node)
        let body = Self.body(operators: reveal ? listed : listed.map(\.masked), nodes: nodes, node: node,
                             revealed: reveal, mayReveal: admin.role == .province)
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }

    static let title = LocalizedText(zh: "经营者", en: "Operators")

    /// The node chooser, the reveal link or notice, and the table.
    static func body(operators: [ListedOperator], nodes: [Node], node: String, revealed: Bool, mayReveal: Bool) -> String {
        let options = nodes.map { option in
            "<option value=\"\(HTMLPage.escape(option.code))\"\(option.code == node ? " selected" : "")>\(HTMLPage.escape("\(option.code) \(option.name)"))</option>"
        }.joined()
        var html = """
        <form method="get" action="/console/operators"><label>\(ConsolePage.t("节点", "Node")) \
        <select name="node">\(options)</select></label><button type="submit">\(ConsolePage.t("查看", "Show"))</button></form>
        """
        html += "<p><a href=\"/console/credit?node=\(HTMLPage.escape(node))\">\(ConsolePage.t("查看这些经营户的信用分与等级", "See these operators' credit scores and grades"))</a></p>"
        if revealed {
            html += "<p class=\"hold\">\(ConsolePage.t("显示完整身份证号和手机号：此次查看已记入审计日志。", "Full ID and phone numbers shown: this view is in the audit log."))</p>"
        } else if mayReveal {
            html += "<p><a href=\"/console/operators?node=\(HTMLPage.escape(node))&amp;reveal=personal\">\(ConsolePage.t("显示完整号码（记入审计日志）", "Show full numbers (audited)"))</a></p>"
        }
        let headers = [("名称", "Name"), ("类型", "Kind"), ("摊位", "Stall"), ("统一社会信用代码", "Credit code"),
                       ("法定代表人", "Legal representative"), ("身份证号", "ID number"), ("手机号", "Phone"),
                       ("编号", "ID"), ("合并的别名", "Merged aliases")].map { ConsolePage.t($0.0, $0.1) }
        let rows = operators.map { listed -> [String] in
            let op = listed.operator
            return [HTMLPage.escape(op.name), ConsolePage.t(op.kind.label), HTMLPage.escape(op.stall ?? "—"),
                    HTMLPage.escape(op.creditCode ?? "—"), HTMLPage.escape(op.legalRepresentative ?? "—"),
                    "<span class=\"mono\">\(HTMLPage.escape(op.idNumber ?? "—"))</span>",
                    "<span class=\"mono\">\(HTMLPage.escape(op.phone ?? "—"))</span>",
                    "<span class=\"mono\">\(HTMLPage.escape(op.id))</span>",
                    listed.aliases.isEmpty ? "—" : listed.aliases.map { "<span class=\"mono\">\(HTMLPage.escape($0))</span>" }.joined(separator: "<br>")]
        }
        return html + ConsolePage.table(headers, rows, empty: LocalizedText(zh: "该节点没有经营者。", en: "The node has no operators."))
    }
}
