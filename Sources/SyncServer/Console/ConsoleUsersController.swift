import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/users` and its forms: a province admin lists the admin users, adds one, disables one and resets a
/// password, audited as `user.add`, `user.disable` (as `POST /v1/admin/users…`) and `user.passwd` (as
/// `admin user passwd`). Everyone else is refused with 403.
struct ConsoleUsersController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("users", use: list)
            .post("users", use: add)
            .post("users/{name}/disable", use: disable)
            .post("users/{name}/password", use: resetPassword)
    }

    static let title = LocalizedText(zh: "用户", en: "Users")

    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province)
        let notice = ConsoleForm(encoded: request.uri.query ?? "")["done"]
        let body = ConsoleUsersPage.body(users: try await service.adminUsers(), csrf: try context.requireConsole().csrf, done: notice)
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }

    /// Adds a user with the form's name, role, nodes (comma-separated) and password.
    @Sendable func add(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province)
        var request = request
        let form = try await ConsoleForm.read(&request)
        let name = try form.require("name", zh: "用户名", en: "the user name")
        context.trail.action = "user.add"
        context.trail.target = name
        let nodes = (form["nodes"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
        _ = try await service.addAdminUser(
            name: name, role: try AdminRole(parsing: try form.require("role", zh: "角色", en: "the role")), nodes: nodes,
            password: try form.require("password", zh: "初始密码", en: "the first password")
        )
        return ConsolePage.redirect("/console/users?done=added")
    }

    /// Disables the user and ends their sessions.
    @Sendable func disable(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province)
        let name = context.parameters.get("name") ?? ""
        context.trail.action = "user.disable"
        context.trail.target = name
        _ = try await service.disableAdminUser(name)
        return ConsolePage.redirect("/console/users?done=disabled")
    }

    /// Sets the user's password to the form's; unlocks the account and ends its sessions.
    @Sendable func resetPassword(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province)
        let name = context.parameters.get("name") ?? ""
        context.trail.action = "user.passwd"
        context.trail.target = name
        var request = request
        let form = try await ConsoleForm.read(&request)
        try await service.resetPassword(of: name, to: try form.require("password", zh: "新密码", en: "the new password"))
        return ConsolePage.redirect("/console/users?done=password")
    }
}
