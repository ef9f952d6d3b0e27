import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `POST /v1/auth/login`, `POST /v1/auth/logout` and `POST /v1/auth/password`: admin users log in for a session
/// token, end it, and set or change their password. Login and password changes are proven by the password (or the
/// bootstrap token) in the body; logout by the session token. Every password check passes the login rate limit first.
struct AuthController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody
    /// Limits password checks per client address and per name.
    let limiter: LoginRateLimiter

    /// The routes, to add at `/v1/auth`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .post("login", use: login)
            .post("logout", use: logout)
            .post("password", use: password)
    }

    /// Opens a session: 200 with its token; 401 for a wrong name or password, 403 for a locked or disabled account,
    /// 429 past the rate limit. A name that is no user's gets the same answers as one that is. The audit trail names
    /// the user whether or not the login succeeds.
    @Sendable func login(request: Request, context: SyncRequestContext) async throws -> LoginResponse {
        let login = try await body.decode(LoginRequest.self, from: request)
        context.trail.actor = "user:\(login.name)"
        context.trail.action = "auth.login"
        try await limiter.admit(address: Self.client(context), name: login.name)
        return LoginResponse(try await service.login(name: login.name, password: login.password))
    }

    /// Ends the session of the bearer token: 204.
    @Sendable func logout(request: Request, context: SyncRequestContext) async throws -> Response {
        guard let token = DeviceAuthMiddleware.bearerSecret(request.headers[.authorization]) else {
            throw AdminAuthMiddleware.missingToken
        }
        context.trail.action = "auth.logout"
        let name = try await AdminAuthMiddleware.namingEndedSession(token, service: service, trail: context.trail) {
            try await service.logout(token: token)
        }
        context.trail.actor = "user:\(name)"
        return Response(status: .noContent)
    }

    /// Sets a new password, proven by the old one or by the bootstrap token; every session of the user ends: 204.
    @Sendable func password(request: Request, context: SyncRequestContext) async throws -> Response {
        let change = try await body.decode(PasswordChangeRequest.self, from: request)
        context.trail.action = "auth.password"
        switch (change.bootstrapToken, change.name, change.oldPassword) {
        case (let token?, nil, nil):
            context.trail.actor = "user:\(CentralStore.bootstrapAdminName)"
            _ = try await service.setPassword(bootstrapToken: token, to: change.newPassword)
        case (nil, let name?, let old?):
            context.trail.actor = "user:\(name)"
            try await limiter.admit(address: Self.client(context), name: name)
            try await service.changePassword(name: name, old: old, new: change.newPassword)
        default:
            throw TraceSyncError(.missingField, field: "oldPassword",
                                 zh: "请给出 name 和 oldPassword（修改自己的密码），或只给 bootstrapToken（首次为 admin 设置密码），以及 newPassword。",
                                 en: "send name and oldPassword (to change your own password), or only bootstrapToken (to set admin's first password), with newPassword.")
        }
        return Response(status: .noContent)
    }

    /// The client's address, which the rate limit keys on (the console's sign-in keys on it too).
    static func client(_ context: SyncRequestContext) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }
}
