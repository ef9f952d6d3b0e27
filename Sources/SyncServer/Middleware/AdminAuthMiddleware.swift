import Hummingbird
import Logging
import SyncCore

/// Recognises the admin by the `Authorization: Bearer <admin token>` header and puts the admin's name in the
/// context; refuses a missing or unknown token with 401. Admin tokens and device secrets are kept apart: a device
/// secret is never an admin token, nor the other way round. The token is never logged.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Where admin tokens are checked.
    let service: CentralService

    /// Authenticates the admin, then passes the request on with the admin's name in its context.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = DeviceAuthMiddleware.bearerSecret(request.headers[.authorization]) else { throw Self.missingToken }
        var context = context
        let admin = try await service.authenticateAdmin(token: token)
        context.admin = admin
        context.logger[metadataKey: "admin"] = "\(admin)"
        return try await next(request, context)
    }

    /// The refusal of a request without a bearer token.
    static let missingToken = TraceSyncError(
        "unauthorized", field: "Authorization",
        zh: "缺少管理员令牌：请在请求头中加入 Authorization: Bearer <管理员令牌>（服务器首次启动时打印，仅显示一次）。",
        en: "the admin token is missing: send the header Authorization: Bearer <admin token> (printed once, at the server's first start)."
    )
}
