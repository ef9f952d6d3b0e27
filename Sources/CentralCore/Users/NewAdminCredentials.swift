public import SyncCore

/// A new password, hashed outside the store (slow on purpose) and then stored by it.
public struct NewPasswordHash: Sendable {
    package let stored: String

    /// Hashes `password` with a new salt at today's rounds.
    public init(hashing password: String) throws {
        stored = try PasswordHash(hashing: password).stored
    }
}

/// A new admin user whose name, nodes and password `CentralStore.checkNewAdminUser` accepted.
public struct NewAdminUser: Sendable {
    package let name: String
    package let role: AdminRole
    package let nodes: [String]

    package init(name: String, role: AdminRole, nodes: [String]) {
        self.name = name
        self.role = role
        self.nodes = nodes
    }
}
