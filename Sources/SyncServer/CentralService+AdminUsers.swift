import SyncCore

/// Admin users, logins and sessions, and the node-scoped reads the role checks need.
extension CentralService {
    /// The admin a session token belongs to, or nil when no session has it; refuses an ended session.
    func authenticateSession(token: String) throws -> AdminPrincipal? {
        try store.authenticateSession(token: token)
    }

    /// The user whose unused bootstrap token this is, or nil.
    func bootstrapUser(token: String) throws -> String? {
        try store.bootstrapUser(token: token)
    }

    /// Checks the name and password and opens a session.
    func login(name: String, password: String) throws -> AdminSession {
        try store.login(name: name, password: password)
    }

    /// Ends the session of this token; returns whose it was.
    func logout(token: String) throws -> String {
        try store.logout(token: token)
    }

    /// Changes a user's password after checking the old one.
    func changePassword(name: String, old: String, new: String) throws {
        try store.changeAdminPassword(name, old: old, new: new)
    }

    /// Sets the first password of the bootstrap token's user; returns the user's name.
    func setPassword(bootstrapToken: String, to password: String) throws -> String {
        try store.setPassword(bootstrapToken: bootstrapToken, to: password)
    }

    /// Every admin user.
    func adminUsers() throws -> [AdminUser] {
        try store.adminUsers()
    }

    /// Adds an admin user.
    func addAdminUser(name: String, role: AdminRole, nodes: [String], password: String) throws -> AdminUser {
        try store.addAdminUser(name: name, role: role, nodes: nodes, password: password)
    }

    /// Disables an admin user and ends their sessions.
    func disableAdminUser(_ name: String) throws -> AdminUser {
        try store.disableAdminUser(name)
    }

    /// The recall list of a code, with the nodes of the batches the code leads to (whose admins may see it).
    func recallWithNodes(_ code: String) throws -> (report: RecallReport, nodes: [String]) {
        let traces = try store.traceForward(code)
        return (RecallReport(code: code, traces: traces), traces.compactMap { $0.batch.node?.code })
    }
}
