import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/trace/{code}`: the public view of a trace code as JSON, without login (DESIGN.md §5: product, origin,
/// nodes, dates and inspection outcomes; never prices, buyers or personal numbers). Added behind the public rate
/// limit.
struct PublicTraceController {
    let service: CentralService

    /// The route, to add at `/v1/trace`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("{code}", use: trace)
    }

    /// The public trace; 404 for an unknown code, 400 for a mistyped or malformed one.
    @Sendable func trace(request: Request, context: SyncRequestContext) async throws -> PublicTrace {
        try await service.publicTrace(Self.code(context))
    }

    /// The `{code}` path parameter as typed, percent-decoded (a code may be written with spaces).
    static func code(_ context: SyncRequestContext) -> String {
        let raw = context.parameters.get("code") ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
