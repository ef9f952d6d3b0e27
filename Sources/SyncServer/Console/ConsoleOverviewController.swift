import Hummingbird
import SyncCore

/// `GET /console`: the overview of the signed-in admin's nodes.
struct ConsoleOverviewController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: overview)
    }

    @Sendable func overview(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let nodes = admin.isLimitedToNodes ? admin.nodes.joined(separator: ", ") : "全部 / all"
        let body = "<div class=\"card\"><p>\(ConsolePage.t("你的节点", "Your nodes")): \(HTMLPage.escape(nodes))</p></div>"
        return try ConsolePage.response(title: LocalizedText(zh: "概览", en: "Overview"), context: context, body: body)
    }
}
