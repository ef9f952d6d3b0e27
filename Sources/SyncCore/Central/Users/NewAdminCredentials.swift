/// A new password, hashed outside the store (slow on purpose) and then stored by it.
public struct NewPasswordHash: Sendable {
    let stored: String

    /// Hashes `password` with a new salt at today's rounds.
    public init(hashing password: String) throws {
        stored = try PasswordHash(hashing: password).stored
    }
}

/// A new admin user whose name, nodes and password `CentralStore.checkNewAdminUser` accepted.
public struct NewAdminUser: Sendable {
    let name: String
    let role: AdminRole
    let nodes: [String]
}
