import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET/POST /console/login`, `GET/POST /console/password` (the first password, with the bootstrap token): the pages
/// before there is a session. They check names, passwords, lockout and the login rate limit through the same
/// `CentralService` calls and `LoginRateLimiter` as `POST /v1/auth/login` and `/v1/auth/password`, and are audited
/// as those are (`auth.login`, `auth.password`). Their forms carry a CSRF token held in a cookie of their own.
struct ConsoleSignInController {
    let service: CentralService
    /// The login rate limit shared with the API.
    let limiter: LoginRateLimiter
    /// Whether cookies get `Secure` (the server runs TLS).
    let secure: Bool

    /// The routes, to add at `/console`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("login", use: loginPage)
            .post("login", use: login)
            .get("password", use: passwordPage)
            .post("password", use: password)
    }

    @Sendable func loginPage(request: Request, context: SyncRequestContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("password") == "set"
            ? LocalizedText(zh: "密码已设置，请登录。", en: "Your password is set: sign in.") : nil
        return page(.login, request: request, notice: notice)
    }

    /// Signs in: on success the session cookie is set and the browser goes to the overview; otherwise the form
    /// comes back with the refusal and the API's status (401, 403 locked, 429).
    @Sendable func login(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        let form = try await ConsoleForm.read(&request)
        let name = form["name"] ?? ""
        context.trail.actor = "user:\(name)"
        context.trail.action = "auth.login"
        do {
            try checkFormToken(form, request: request, context: context)
            let password = try form.require("password", zh: "密码", en: "the password")
            try await limiter.admit(address: AuthController.client(context), name: name)
            let session = try await service.login(name: name, password: password)
            var response = ConsolePage.redirect("/console")
            response.setCookie(ConsoleSession.cookie(ConsoleSession.cookieName, value: session.token, secure: secure))
            response.setCookie(ConsoleSession.cookie(ConsoleSession.formCookieName, value: "", secure: secure, maxAge: 0))
            return response
        } catch {
            return refusedPage(.login, error: error, request: request, context: context)
        }
    }

    @Sendable func passwordPage(request: Request, context: SyncRequestContext) async throws -> Response {
        page(.password, request: request)
    }

    /// Sets the first password of the bootstrap token's user (admin), as `POST /v1/auth/password` with a
    /// `bootstrapToken` does; then the sign-in page.
    @Sendable func password(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        let form = try await ConsoleForm.read(&request)
        context.trail.actor = "user:\(CentralStore.bootstrapAdminName)"
        context.trail.action = "auth.password"
        do {
            try checkFormToken(form, request: request, context: context)
            let token = try form.require("bootstrapToken", zh: "引导令牌", en: "the bootstrap token")
            let new = try form.require("newPassword", zh: "新密码", en: "the new password")
            guard form.fields["repeatPassword"] == form.fields["newPassword"] else {
                throw TraceSyncError(.badPassword, field: "repeatPassword",
                                     zh: "两次输入的新密码不一致：请重新输入。", en: "the two new passwords differ: type them again.")
            }
            _ = try await service.setPassword(bootstrapToken: token, to: new)
            return ConsolePage.redirect("/console/login?password=set")
        } catch {
            return refusedPage(.password, error: error, request: request, context: context)
        }
    }

    /// Refuses a sign-in form whose CSRF field does not match its cookie.
    private func checkFormToken(_ form: ConsoleForm, request: Request, context: SyncRequestContext) throws {
        let cookie = request.cookies[ConsoleSession.formCookieName]?.value ?? ""
        guard ConsoleSession.same(form.fields[ConsoleSession.csrfField] ?? "", cookie) else {
            context.trail.detail = "csrf"
            throw ConsoleAuthMiddleware.csrfRefused
        }
    }

    /// The two forms of this controller.
    enum Form { case login, password }

    /// The form again, with what was wrong, under the status the API gives the same refusal.
    private func refusedPage(_ form: Form, error: any Error, request: Request, context: SyncRequestContext) -> Response {
        let apiError = ErrorMiddleware<SyncRequestContext>.apiError(for: error, logger: context.logger)
        var response = page(form, request: request, error: apiError.body.error.message, status: apiError.status)
        if let retryAfter = apiError.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// A sign-in form with a fresh (or the existing) form token in its cookie.
    private func page(
        _ form: Form, request: Request, notice: LocalizedText? = nil, error: LocalizedText? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let existing = request.cookies[ConsoleSession.formCookieName]?.value ?? ""
        let token = existing.count == 64 ? existing : ConsoleSession.randomToken()
        var body = ""
        if let error { body += "<div class=\"error\">\(ConsolePage.t(error))</div>" }
        if let notice { body += "<div class=\"notice\">\(ConsolePage.t(notice))</div>" }
        let title: LocalizedText
        switch form {
        case .login:
            title = LocalizedText(zh: "登录", en: "Sign in")
            body += ConsolePage.form(action: "/console/login", csrf: token, submit: title, fields:
                ConsolePage.input("name", label: LocalizedText(zh: "用户名", en: "Name"))
                + ConsolePage.input("password", label: LocalizedText(zh: "密码", en: "Password"), type: "password"))
            body += "<p><a href=\"/console/password\">\(ConsolePage.t("首次使用：用引导令牌设置 admin 的密码", "First use: set admin's password with the bootstrap token"))</a></p>"
        case .password:
            title = LocalizedText(zh: "设置首个密码", en: "Set the first password")
            body += "<p>\(ConsolePage.t("引导令牌在服务器首次启动时打印（只显示一次），只能用于为省级管理员 admin 设置密码。密码至少 12 个字符，含小写字母、大写字母、数字、符号中的至少三类。", "The bootstrap token is printed once when the server first starts; it only sets the password of the province admin admin. At least 12 characters, of at least three of: lower case, upper case, digits, symbols."))</p>"
            body += ConsolePage.form(action: "/console/password", csrf: token, submit: LocalizedText(zh: "设置密码", en: "Set the password"), fields:
                ConsolePage.input("bootstrapToken", label: LocalizedText(zh: "引导令牌", en: "Bootstrap token"), type: "password")
                + ConsolePage.input("newPassword", label: LocalizedText(zh: "新密码", en: "New password"), type: "password")
                + ConsolePage.input("repeatPassword", label: LocalizedText(zh: "再次输入新密码", en: "New password again"), type: "password"))
            body += "<p><a href=\"/console/login\">\(ConsolePage.t("返回登录", "Back to sign-in"))</a></p>"
        }
        var response = ConsolePage.response(ConsolePage.document(title: title, session: nil, body: body), status: status)
        if token != existing { response.setCookie(ConsoleSession.cookie(ConsoleSession.formCookieName, value: token, secure: secure)) }
        return response
    }
}
