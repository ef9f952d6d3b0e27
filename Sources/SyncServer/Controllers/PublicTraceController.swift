import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/trace/{code}`: the public view of a trace code as JSON, without login (DESIGN.md §5: product, origin,
/// nodes, dates and inspection outcomes; never prices, buyers or personal numbers), or of a special-equipment unit
/// by its 特种设备代码, as the page `/t/{code}` shows it (`EquipmentPublicView`). Added behind the public rate limit.
struct PublicTraceController {
    let service: CentralService

    /// The route, to add at `/v1/trace`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("{code}", use: trace)
    }

    /// The public trace; for a unit's 18-character code whose events the store holds, what its inspection sticker
    /// shows (kind, use-registration number, last inspection, status; never the company using it, the address or
    /// the inspection report); 404 for an unknown code, 400 for a mistyped or malformed one.
    @Sendable func trace(request: Request, context: SyncRequestContext) async throws -> Response {
        let code = Self.code(context)
        if let unit = try await service.publicEquipment(code.trimmingCharacters(in: .whitespaces)) {
            return try unit.response(from: request, context: context)
        }
        return try await service.publicTrace(code).response(from: request, context: context)
    }

    /// The `{code}` path parameter as typed, percent-decoded (a code may be written with spaces).
    static func code(_ context: SyncRequestContext) -> String {
        let raw = context.parameters.get("code") ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
