import Hummingbird
import Logging

/// Logs one info line per request: method, path, status and duration, with the request id the logger carries.
/// Headers (which hold device secrets) and the query are never logged.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Times the request and logs its outcome.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)",
            "http.path": "\(request.uri.path)",
            "http.status": "\(response.status.code)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
        ])
        return response
    }
}
