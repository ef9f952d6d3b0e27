import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `POST /console/logout`: ends the console session as `POST /v1/auth/logout` ends an API one (audited
/// `auth.logout`), clears the cookie and returns to sign-in.
struct ConsoleSessionController {
    let service: CentralService
    /// Whether cookies get `Secure`.
    let secure: Bool

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .post("logout", use: logout)
    }

    @Sendable func logout(request: Request, context: SyncRequestContext) async throws -> Response {
        let session = try context.requireConsole()
        context.trail.action = "auth.logout"
        _ = try await service.logout(token: session.token)
        var response = ConsolePage.redirect("/console/login")
        response.setCookie(ConsoleSession.cookie(ConsoleSession.cookieName, value: "", secure: secure, maxAge: 0))
        return response
    }
}
