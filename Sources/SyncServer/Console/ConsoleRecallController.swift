import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/recall?code=` and `GET /console/recall.csv?code=`: the recall of any code a batch was received or
/// sold under — the downstream tree across nodes with buyers, quantities, the stalls still holding goods and the
/// totals — as a page and as the CSV `admin recall --csv` writes. Every role may look; a node admin only when every
/// node the recall reaches is theirs (403 otherwise, as `GET /v1/admin/recall/{code}`).
struct ConsoleRecallController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("recall", use: page)
            .get("recall.csv", use: csv)
    }

    static let title = LocalizedText(zh: "召回", en: "Recall")

    /// The code form, and the recall of the code asked for.
    @Sendable func page(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let code = ConsoleForm(encoded: request.uri.query ?? "")["code"] ?? ""
        var body = ConsoleRecallPage.form(code: code)
        if !code.isEmpty { body += ConsoleRecallPage.report(try await report(code, context: context)) }
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }

    /// The recall as a CSV download.
    @Sendable func csv(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let code = try ConsoleForm(encoded: request.uri.query ?? "").require("code", zh: "追溯码", en: "the trace code")
        let report = try await report(code, context: context)
        let name = report.code.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"recall-\(name).csv\"",
                      .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: report.csvText))
        )
    }

    /// The recall of `code`, once the admin may see every node it reaches.
    private func report(_ code: String, context: SyncRequestContext) async throws -> RecallReport {
        context.trail.target = "recall:\(code)"
        let recall = try await service.recallWithNodes(code)
        for node in recall.nodes { try context.requireNode(node) }
        return recall.report
    }
}
