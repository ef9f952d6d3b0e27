import SyncCore
import CentralCore
import CentralSQLite

/// Admin users, logins and sessions, and the node-scoped reads the role checks need.
extension CentralService {
    /// The admin a session token belongs to, or nil when no session has it; refuses an ended session.
    func authenticateSession(token: String) throws -> AdminPrincipal? {
        try store.authenticateSession(token: token)
    }

    /// The user a session token was made for, live or ended, or nil.
    nonisolated func sessionOwner(token: String) async throws -> String? {
        try await read { try $0.sessionOwner(token: token) }
    }

    /// The user whose unused bootstrap token this is, or nil.
    nonisolated func bootstrapUser(token: String) async throws -> String? {
        try await read { try $0.bootstrapUser(token: token) }
    }

    /// Checks the name and password and opens a session. The password is checked on `passwords`, so the store
    /// serves other requests meanwhile; the outcome is recorded once the check is done.
    func login(name: String, password: String) async throws -> AdminSession {
        let attempt = try store.beginLogin(name: name)
        let check = try await passwords.run { try attempt.check(password) }
        return try store.finishLogin(attempt, check)
    }

    /// Ends the session of this token; returns whose it was.
    func logout(token: String) throws -> String {
        try store.logout(token: token)
    }

    /// Changes a user's password after checking the old one; both hashes are computed on `passwords`.
    func changePassword(name: String, old: String, new: String) async throws {
        let attempt = try store.beginLogin(name: name)
        let check = try await passwords.run { try attempt.check(old) }
        try store.recordPasswordCheck(attempt, check)
        try store.checkNewPassword(new, replacing: old, of: name)
        let hash = try await passwords.run { try NewPasswordHash(hashing: new) }
        try store.storeNewPassword(hash, of: name)
    }

    /// Sets the first password of the bootstrap token's user, hashed on `passwords`; returns the user's name.
    func setPassword(bootstrapToken: String, to password: String) async throws -> String {
        let name = try store.checkBootstrapPassword(bootstrapToken: bootstrapToken, password: password)
        let hash = try await passwords.run { try NewPasswordHash(hashing: password) }
        return try store.setPassword(bootstrapToken: bootstrapToken, hash: hash, of: name)
    }

    /// Every admin user.
    nonisolated func adminUsers() async throws -> [AdminUser] {
        try await read { try $0.adminUsers() }
    }

    /// Adds an admin user; the password is hashed on `passwords`.
    func addAdminUser(name: String, role: AdminRole, nodes: [String], password: String) async throws -> AdminUser {
        let user = try store.checkNewAdminUser(name: name, role: role, nodes: nodes, password: password)
        let hash = try await passwords.run { try NewPasswordHash(hashing: password) }
        return try store.addAdminUser(user, hash: hash)
    }

    /// Disables an admin user and ends their sessions.
    func disableAdminUser(_ name: String) throws -> AdminUser {
        try store.disableAdminUser(name)
    }

    /// The recall list of a code, with the nodes of the batches the code leads to (whose admins may see it).
    nonisolated func recallWithNodes(_ code: String) async throws -> (report: RecallReport, nodes: [String]) {
        try await read { store in
            if let report = try store.containerRecall(code) {
                return (report, report.batches.compactMap { $0.node?.code })
            }
            let traces = try store.traceForward(code)
            return (try store.recall(code, traces: traces), traces.compactMap { $0.batch.node?.code })
        }
    }
}
