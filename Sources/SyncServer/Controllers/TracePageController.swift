import Hummingbird
import Logging
import SyncCore

/// `GET /t/{code}`: the consumer's HTML page for a trace code, without login; a refused code gets a page of its own
/// with the same status as the JSON route (404 unknown, 400 mistyped or malformed). Added behind the public rate
/// limit.
struct TracePageController {
    let service: CentralService

    /// The route, to add at `/t`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("{code}", use: page)
    }

    /// The page for the code, or the page that says why it cannot be shown.
    @Sendable func page(request: Request, context: SyncRequestContext) async throws -> Response {
        let code = PublicTraceController.code(context)
        do {
            return HTMLPage.response(TracePage.html(try await service.publicTrace(code)), status: .ok)
        } catch let refusal as TraceSyncError {
            context.logger.info("trace page refused", metadata: ["error.code": "\(refusal.code)"])
            return HTMLPage.response(TracePage.html(refusal: refusal, typed: code), status: APIError.status(for: refusal.code))
        }
    }
}
