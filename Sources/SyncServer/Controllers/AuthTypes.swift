public import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The body of `POST /v1/auth/login`.
struct LoginRequest: Codable {
    let name: String
    let password: String
}

/// The answer to a login: the session token (shown this once) and what it allows.
struct LoginResponse: Codable, ResponseEncodable {
    let token: String
    /// When the session ends at the latest, in milliseconds since the Unix epoch.
    let expiresAt: Int64
    /// How long the session may stay unused before it ends.
    let idleTimeoutSeconds: Int
    let name: String
    let role: AdminRole
    let nodes: [String]

    init(_ session: AdminSession) {
        token = session.token
        expiresAt = session.expiresAt
        idleTimeoutSeconds = session.idleTimeoutSeconds
        name = session.principal.name
        role = session.principal.role
        nodes = session.principal.nodes
    }
}

/// The body of `POST /v1/auth/password`: the user's name and old password, or the bootstrap token; and the new
/// password.
struct PasswordChangeRequest: Codable {
    let name: String?
    let oldPassword: String?
    let bootstrapToken: String?
    let newPassword: String
}

/// The body of `POST /v1/admin/users`.
struct NewAdminUserRequest: Codable {
    let name: String
    let role: String
    let nodes: [String]?
    let password: String
}

extension AdminUser: ResponseEncodable {}
