import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/export/epcis`, `GET /v1/export/feed` and `GET /v1/export/csv/{kind}`: the data exchange with the
/// provincial platform and regulators. Added behind `AdminAuthMiddleware`; a node admin must name one of their nodes,
/// and the feed (every node's events) is for province admins and auditors only.
struct ExportController {
    let service: CentralService

    /// The routes, to add at `/v1/export`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("epcis", use: epcis)
            .get("feed", use: feed)
            .get("csv/{kind}", use: csv)
    }

    /// The EPCIS 2.0 document of the range, as `application/ld+json`, or `application/json` when the client
    /// accepts that and not JSON-LD.
    @Sendable func epcis(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let query = try EPCISQuery(request.uri.queryParameters)
        try context.requireNode(query.node)
        let document = try await service.epcisDocument(query)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let accept = request.headers[.accept] ?? ""
        let type = accept.contains("application/json") && !accept.contains("application/ld+json")
            ? "application/json" : "application/ld+json"
        return Response(status: .ok, headers: [.contentType: "\(type); charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(document))))
    }

    /// A page of accepted events after `cursor`.
    @Sendable func feed(request: Request, context: SyncRequestContext) async throws -> FeedPage {
        try context.requireRole(.province, .auditor)
        let query = try FeedQuery(request.uri.queryParameters)
        return try await service.feed(query)
    }

    /// The CSV of batches, inspections or sales over the range, as `text/csv`.
    @Sendable func csv(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let kind = try Self.kind(context.parameters.get("kind") ?? "")
        let query = try DayRangeQuery(request.uri.queryParameters)
        try context.requireNode(query.node)
        let text = try await service.csv(kind, query)
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(kind.rawValue)-\(query.from)-\(query.to).csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The kind of CSV, by its name.
    /// - Throws: `TraceSyncError` `bad_parameter` naming `kind`.
    static func kind(_ text: String) throws -> RegulatorCSV {
        guard let kind = RegulatorCSV(rawValue: text) else {
            let allowed = RegulatorCSV.allCases.map(\.rawValue)
            throw TraceSyncError(.badParameter, field: "kind",
                                 zh: "导出类型 \(text) 无效：可用 \(allowed.joined(separator: "、"))。",
                                 en: "export kind \(text) is not valid: use one of \(allowed.joined(separator: ", ")).")
        }
        return kind
    }
}
