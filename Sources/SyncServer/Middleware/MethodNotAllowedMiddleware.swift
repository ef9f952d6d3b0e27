import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// Answers a request for a known path with a method the path does not serve as 405 Method Not Allowed, with the
/// `Allow` header listing the methods it does serve (RFC 9110 §15.5.6), instead of 404. Added after every route, so it
/// wraps only the router's not-found answer.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route of the router: its path pattern and method.
    let routes: [(path: RouterPath, method: HTTPRequest.Method)]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
            let allowed = Set(routes.filter { Self.matches($0.path, segments) }.map(\.method.rawValue)).sorted()
            guard !allowed.isEmpty else { throw error }
            throw APIError(
                status: .methodNotAllowed, code: .methodNotAllowed, field: "method",
                message: LocalizedText(
                    zh: "此地址不支持 \(request.method.rawValue) 请求：请改用 \(allowed.joined(separator: "、"))。",
                    en: "\(request.method.rawValue) is not allowed here: use \(allowed.joined(separator: ", "))."
                ),
                allow: allowed.joined(separator: ", ")
            )
        }
    }

    /// Whether `path` matches the request's path segments, element by element.
    static func matches(_ path: RouterPath, _ segments: [Substring]) -> Bool {
        let elements = path.components
        if elements.last.map({ $0.description == "**" }) == true {
            return segments.count >= elements.count - 1
                && zip(elements.dropLast(), segments).allSatisfy { element, segment in element ~= segment }
        }
        return elements.count == segments.count && zip(elements, segments).allSatisfy { element, segment in element ~= segment }
    }
}
