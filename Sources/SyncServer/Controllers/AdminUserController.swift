import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/users`, `POST /v1/admin/users` and `POST /v1/admin/users/{name}/disable`: the province admins
/// manage the admin users. Added behind `AdminAuthMiddleware`.
struct AdminUserController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The routes, to add at `/v1/admin/users`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .post(use: add)
            .post("{name}/disable", use: disable)
    }

    /// Every admin user, by name; never a password.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [AdminUser] {
        try context.requireRole(.province)
        try QueryValue.refuseUnknown(request.uri.queryParameters, known: [])
        return try await service.adminUsers()
    }

    /// Adds a user: 201 with the user as listed.
    @Sendable func add(request: Request, context: SyncRequestContext) async throws -> EditedResponse<AdminUser> {
        try context.requireRole(.province)
        let new = try await body.decode(NewAdminUserRequest.self, from: request)
        context.trail.action = "user.add"
        context.trail.target = new.name
        let user = try await service.addAdminUser(
            name: new.name, role: try AdminRole(parsing: new.role), nodes: new.nodes ?? [], password: new.password
        )
        return EditedResponse(status: .created, response: user)
    }

    /// Disables the user and ends their sessions: 200 with the user as listed.
    @Sendable func disable(request: Request, context: SyncRequestContext) async throws -> AdminUser {
        try context.requireRole(.province)
        let name = context.parameters.get("name") ?? ""
        context.trail.action = "user.disable"
        context.trail.target = name
        return try await service.disableAdminUser(name)
    }
}
