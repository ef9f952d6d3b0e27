import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Recognises the admin user by the `Authorization: Bearer <session token>` header of a login and puts the user in
/// the context (and in the audit trail as `user:<name>`); refuses a missing, unknown or ended session with 401, and
/// the bootstrap token with 403 `password_change_required`, saying how to set the password. An ended session's
/// refusal is audited under the user it belonged to. Session tokens and
/// device secrets are kept apart. The token is never logged.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Where sessions are checked.
    let service: CentralService

    /// Authenticates the admin, then passes the request on with the admin in its context.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = DeviceAuthMiddleware.bearerSecret(request.headers[.authorization]) else { throw Self.missingToken }
        let session = try await Self.namingEndedSession(token, service: service, trail: context.trail) {
            try await service.authenticateSession(token: token)
        }
        guard let admin = session else {
            if let name = try await service.bootstrapUser(token: token) {
                context.trail.actor = "user:\(name)"
                throw CentralStore.passwordChangeRequired(name)
            }
            throw CentralStore.unknownSession
        }
        var context = context
        context.admin = admin
        context.trail.actor = "user:\(admin.name)"
        context.logger[metadataKey: "admin"] = "\(admin.name)"
        return try await next(request, context)
    }

    /// Runs `check` of a session token; when it refuses an ended session (`session_expired`), first names the
    /// session's user in the audit trail, so the refusal is recorded as theirs rather than anonymous.
    static func namingEndedSession<T>(
        _ token: String, service: CentralService, trail: AuditTrail, _ check: () async throws -> T
    ) async throws -> T {
        do {
            return try await check()
        } catch let refusal as TraceSyncError where refusal.code == .sessionExpired {
            if let name = try await service.sessionOwner(token: token) { trail.actor = "user:\(name)" }
            trail.detail = refusal.code.rawValue
            throw refusal
        }
    }

    /// The refusal of a request without a bearer token.
    static let missingToken = TraceSyncError(
        .unauthorized, field: "Authorization",
        zh: "缺少会话令牌：请先用 POST /v1/auth/login 登录，再在请求头中加入 Authorization: Bearer <会话令牌>。",
        en: "the session token is missing: log in with POST /v1/auth/login, then send the header Authorization: Bearer <session token>."
    )
}
