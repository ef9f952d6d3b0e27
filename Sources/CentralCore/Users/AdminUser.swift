public import SyncCore

/// An admin user as listed: never the password or its hash.
public struct AdminUser: Sendable, Hashable, Codable {
    public let name: String
    public let role: AdminRole
    /// The node codes of a node admin; empty for the other roles.
    public let nodes: [String]
    /// When the user was made (milliseconds since the Unix epoch).
    public let createdAt: Int64
    /// When the user was disabled, if they were; a disabled user cannot log in.
    public let disabledAt: Int64?
    /// Until when failed logins keep the account locked, if they do.
    public let lockedUntil: Int64?
    /// Whether the user has no password yet and must set one (the bootstrap `admin`).
    public let mustSetPassword: Bool

    /// Who this user acts as once logged in.
    public var principal: AdminPrincipal { AdminPrincipal(name: name, role: role, nodes: nodes) }

    package init(name: String, role: AdminRole, nodes: [String], createdAt: Int64, disabledAt: Int64?, lockedUntil: Int64?, mustSetPassword: Bool) {
        self.name = name
        self.role = role
        self.nodes = nodes
        self.createdAt = createdAt
        self.disabledAt = disabledAt
        self.lockedUntil = lockedUntil
        self.mustSetPassword = mustSetPassword
    }
}
