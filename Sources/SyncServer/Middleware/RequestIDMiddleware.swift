import HTTPTypes
import Hummingbird

/// Returns the request id that Hummingbird puts in every request's log metadata as the `X-Request-Id` header, so a
/// client's report can be matched with the server's log lines.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// `X-Request-Id`.
    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    /// Adds the header to the response.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.headerName] = context.id
        return response
    }
}
