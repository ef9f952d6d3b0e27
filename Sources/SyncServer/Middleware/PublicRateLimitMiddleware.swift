import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Limits how often one client address may look codes up on the public routes, which need no login: past the limit
/// it answers 429 with `Retry-After` (seconds), as JSON or, for the consumer's page, as HTML.
struct PublicRateLimitMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// The buckets, shared by every public route.
    let limiter: PublicRateLimiter
    /// Whether the routes behind answer HTML pages (`/t/…`) rather than JSON (`/v1/trace/…`).
    let html: Bool

    /// Passes the request on while the client has a token left; otherwise refuses it.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let client = context.remoteAddress?.ipAddress ?? "unknown"
        guard case .refused(let retryAfter) = await limiter.take(client) else { return try await next(request, context) }
        context.logger.info("rate limited", metadata: ["http.path": "\(request.uri.path)"])
        let refusal = Self.refusal(retryAfter: retryAfter)
        var response = html
            ? HTMLPage.response(TracePage.html(refusal: refusal, typed: nil), status: .tooManyRequests)
            : try APIError(refusal).response(from: request, context: context)
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }

    /// The refusal of a client over its limit.
    static func refusal(retryAfter: Int) -> TraceSyncError {
        TraceSyncError(.rateLimited, field: nil,
                       zh: "查询过于频繁：请 \(retryAfter) 秒后再试。",
                       en: "too many lookups: try again in \(retryAfter) seconds.")
    }
}
