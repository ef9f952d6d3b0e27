import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/stats?from=&to=&node=&industry=` and the downloads it links: the supervision counts per node,
/// business day and industry, and the regulators' CSV (`/console/export/csv/{kind}`), the EPCIS document (`/console/export/epcis`) and a
/// page of the exchange feed (`/console/export/feed`), built by the same service calls as `GET /v1/admin/stats` and
/// `GET /v1/export/…`, with the same role and node checks: every role sees the counts (a node admin their nodes'),
/// a node admin must name one of their nodes for a CSV or EPCIS download, and the feed is for province admins and
/// auditors only.
struct ConsoleStatsController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("stats", use: stats)
            .get("export/csv/{kind}", use: csv)
            .get("export/epcis", use: epcis)
            .get("export/feed", use: feed)
    }

    static let title = LocalizedText(zh: "统计与导出", en: "Stats and exports")

    /// The counts of the range (today when none is given), with the download links.
    @Sendable func stats(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let form = ConsoleForm(encoded: request.uri.query ?? "")
        let today = BusinessTime.dayOf(await service.now())
        let query = try DayRangeQuery(from: form["from"] ?? today, to: form["to"] ?? form["from"] ?? today, node: form["node"],
                                      industry: form["industry"])
        if let node = query.node { try context.requireNode(node) }
        let stats = try await service.stats(query).visible(to: admin)
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let body = ConsoleStatsPage.body(stats: stats, query: query, nodes: nodes, industries: try BundledIndustryProfiles.all(),
                                         admin: admin)
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }

    /// The CSV of batches, inspections or sales over the range, of one industry when the form chose one.
    @Sendable func csv(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let kind = try ExportController.kind(context.parameters.get("kind") ?? "")
        let form = ConsoleForm(encoded: request.uri.query ?? "")
        let query = try DayRangeQuery(from: form["from"], to: form["to"], node: form["node"], industry: form["industry"])
        try context.requireNode(query.node)
        context.trail.action = "export.request"
        let text = try await service.csv(kind, query)
        return Self.download(text, type: "text/csv", name: "\(kind.rawValue)-\(query.from)-\(query.to).csv")
    }

    /// The EPCIS 2.0 document of the range.
    @Sendable func epcis(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let form = ConsoleForm(encoded: request.uri.query ?? "")
        let query = try EPCISQuery(from: form["from"], to: form["to"], node: form["node"])
        try context.requireNode(query.node)
        context.trail.action = "export.request"
        let document = try await service.epcisDocument(query)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(document), as: UTF8.self)
        return Self.download(text, type: "application/ld+json", name: "epcis-\(form["from"] ?? "")-\(form["to"] ?? "").jsonld")
    }

    /// A page of accepted events after `cursor`.
    @Sendable func feed(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .auditor)
        let form = ConsoleForm(encoded: request.uri.query ?? "")
        let query = try FeedQuery(cursor: form["cursor"], limit: form["limit"])
        context.trail.action = "export.request"
        let page = try await service.feed(query)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(page), as: UTF8.self)
        return Self.download(text, type: "application/json", name: "feed-\(query.cursor).json")
    }

    /// A file download of `text`, never cached.
    static func download(_ text: String, type: String, name: String) -> Response {
        let safe = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        return Response(
            status: .ok,
            headers: [.contentType: "\(type); charset=utf-8", .contentDisposition: "attachment; filename=\"\(safe)\"",
                      .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
