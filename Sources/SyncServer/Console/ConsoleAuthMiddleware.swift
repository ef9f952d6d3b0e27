import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Loads the console session from the `tracesync_console` cookie and puts its admin in the context (as
/// `AdminAuthMiddleware` does for a bearer token, so the same role and node checks apply) and in the audit trail.
/// Without a live session a page request is sent to the sign-in page and a form post is refused (401). Every POST
/// must carry the session's CSRF token in its `csrf` field, else it is refused with 403 before any handler runs.
struct ConsoleAuthMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Where sessions are checked.
    let service: CentralService

    /// Authenticates the cookie's session and checks a post's CSRF token, then passes the request on.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        let token = request.cookies[ConsoleSession.cookieName]?.value ?? ""
        let admin = token.isEmpty ? nil : try await signedIn(token, context: context, isPost: request.method == .post)
        guard let admin else {
            if request.method == .post { throw Self.signInAgain }
            return ConsolePage.redirect("/console/login")
        }
        let session = ConsoleSession(token: token, admin: admin)
        var context = context
        context.admin = admin
        context.console = session
        context.trail.actor = "user:\(admin.name)"
        context.logger[metadataKey: "admin"] = "\(admin.name)"
        if request.method == .post {
            let form = try await ConsoleForm.read(&request)
            guard ConsoleSession.same(form.fields[ConsoleSession.csrfField] ?? "", session.csrf) else {
                context.trail.detail = "csrf"
                throw Self.csrfRefused
            }
        }
        return try await next(request, context)
    }

    /// The admin of a live session, or nil; an ended session is audited under its user. A page request of an
    /// ended session goes back to sign-in rather than to an error.
    private func signedIn(_ token: String, context: Context, isPost: Bool) async throws -> AdminPrincipal? {
        do {
            return try await AdminAuthMiddleware.namingEndedSession(token, service: service, trail: context.trail) {
                try await service.authenticateSession(token: token)
            }
        } catch let refusal as TraceSyncError where refusal.code == .sessionExpired && !isPost {
            return nil
        }
    }

    /// The refusal of a form posted without a live session.
    static let signInAgain = TraceSyncError(
        .unauthorized, field: "session",
        zh: "会话已结束或尚未登录：请重新登录后再提交。", en: "your session has ended or you have not signed in: sign in again, then submit."
    )

    /// The refusal of a form posted without its CSRF token (a page of another site, or a stale form).
    static let csrfRefused = TraceSyncError(
        .forbidden, field: "csrf",
        zh: "表单缺少有效的安全令牌，未执行任何操作：请从控制台页面重新打开表单后提交。",
        en: "the form lacks its valid security token, so nothing was done: open the form again from the console and submit it."
    )
}
