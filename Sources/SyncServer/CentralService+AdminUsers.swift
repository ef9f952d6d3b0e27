import SyncCore
import CentralCore
import CentralSQLite

/// Admin users, logins and sessions, and the node-scoped reads the role checks need.
extension CentralService {
    /// The admin a session token belongs to, or nil when no session has it; refuses an ended session. The session
    /// is read on a reader and its use kept in memory (`AdminSessionTouches`): the writer records the use at most
    /// once a minute, and the end of a session found idle or past its lifetime, after the request answered.
    nonisolated func authenticateSession(token: String) async throws -> AdminPrincipal? {
        guard let session = try await read({ try $0.storedAdminSession(token: token) }) else { return nil }
        let now = clock()
        let standing = session.standing(now: now, lastUse: sessionTouches.lastUse(of: session.tokenHash))
        if let refusal = StoredAdminSession.refusal(standing) {
            sessionTouches.forget(session.tokenHash)
            if standing != .ended {
                Task { await self.endSession(tokenHash: session.tokenHash, at: now) }
            }
            throw refusal
        }
        if sessionTouches.touch(session.tokenHash, at: now, stored: session.lastUsedAt) {
            Task { await self.recordSessionUses() }
        }
        return session.principal
    }

    /// Records the admin sessions' uses waiting. A failure loses only these times, which the next use past the
    /// minute records again (the server's memory keeps them meanwhile).
    private func recordSessionUses() {
        try? store.recordSessionUses(sessionTouches.drain(now: clock()))
    }

    /// Records that a session ended, idle or past its lifetime; it is refused either way, this only keeps the
    /// store's record of it.
    private func endSession(tokenHash: String, at time: Int64) {
        try? store.endSession(tokenHash: tokenHash, at: time)
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
        // The store checks the session against the uses it has recorded: give it this session's last one first.
        let tokenHash = Secrets.hash(token)
        if let lastUse = sessionTouches.lastUse(of: tokenHash) { try store.recordSessionUses([tokenHash: lastUse]) }
        let name = try store.logout(token: token)
        sessionTouches.forget(tokenHash)
        return name
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
