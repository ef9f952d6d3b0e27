public import CentralCore
public import SyncCore

/// Admin sessions: the bearer tokens of logged-in users, which end after 30 minutes unused, 8 hours in all, at
/// logout, or when the user is disabled or changes password.
extension CentralStore {
    /// The admin a session token belongs to; marks the session used now. This is the writer's own check (logout);
    /// a server checks the sessions of requests on a reader (`storedAdminSession(token:)`) and records their use
    /// through `recordSessionUses(_:)`.
    /// - Returns: nil when no session has this token (the caller then tries the bootstrap token).
    /// - Throws: `TraceSyncError` `session_expired` for a session that has ended, saying why.
    public func authenticateSession(token: String) throws -> AdminPrincipal? {
        guard let session = try storedAdminSession(token: token) else { return nil }
        let now = clock()
        let standing = session.standing(now: now)
        if let refusal = StoredAdminSession.refusal(standing) {
            if standing != .ended { try endSession(tokenHash: session.tokenHash, at: now) }
            throw refusal
        }
        try recordSessionUses([session.tokenHash: now])
        return session.principal
    }

    /// The session this token opened, live or not, as stored; nil when no session has this token. Reads only.
    public func storedAdminSession(token: String) throws -> StoredAdminSession? {
        let tokenHash = Secrets.hash(token)
        guard let row = try database.row(
            """
            SELECT s.created_at AS session_created_at, s.last_used_at, s.ended_at, u.name, u.role, u.nodes,
                   u.password_hash, u.locked_until, u.disabled_at, u.created_at
            FROM admin_sessions s JOIN admin_users u ON u.name = s.name WHERE s.token_hash = ?
            """,
            tokenHash
        ) else { return nil }
        let endedAt = try row.optionalInteger("ended_at"), disabledAt = try row.optionalInteger("disabled_at")
        return StoredAdminSession(
            tokenHash: tokenHash, principal: adminUser(row: row).principal,
            createdAt: try row.integer("session_created_at"), lastUsedAt: try row.integer("last_used_at"),
            ended: endedAt != nil || disabledAt != nil
        )
    }

    /// Records when sessions (by token hash) were last used; a time never goes back, and an ended session stays
    /// ended. One transaction for all of them.
    public func recordSessionUses(_ uses: [String: Int64]) throws {
        guard !uses.isEmpty else { return }
        try database.inTransaction {
            for (tokenHash, time) in uses.sorted(by: { $0.key < $1.key }) {
                try database.run(
                    "UPDATE admin_sessions SET last_used_at = max(last_used_at, ?) WHERE token_hash = ? AND ended_at IS NULL",
                    time, tokenHash
                )
            }
        }
    }

    /// Records that the session with this token hash ended at `time` (it went idle or past its lifetime); one
    /// already ended keeps its time.
    public func endSession(tokenHash: String, at time: Int64) throws {
        try database.run("UPDATE admin_sessions SET ended_at = coalesce(ended_at, ?) WHERE token_hash = ?", time, tokenHash)
    }

    /// Ends the session of this token (logout); returns the name of its user.
    /// - Throws: `TraceSyncError` `unauthorized` or `session_expired` when there is no live session to end.
    @discardableResult
    public func logout(token: String) throws -> String {
        guard let admin = try authenticateSession(token: token) else { throw Self.unknownSession }
        try database.run("UPDATE admin_sessions SET ended_at = ? WHERE token_hash = ?", clock(), Secrets.hash(token))
        return admin.name
    }

    /// The name of the user a session token was made for, whether the session is live or has ended; nil when no
    /// session ever had this token. The audit log names that user when an ended session is refused.
    public func sessionOwner(token: String) throws -> String? {
        try database.row("SELECT name FROM admin_sessions WHERE token_hash = ?", Secrets.hash(token))?.string("name")
    }

    /// Ends every live session of a user.
    func endSessions(of name: String, at time: Int64) throws {
        try database.run("UPDATE admin_sessions SET ended_at = ? WHERE name = ? AND ended_at IS NULL", time, name)
    }

    /// The refusal of a token that is no session and no bootstrap token.
    public static let unknownSession = TraceSyncError(
        .unauthorized, field: "Authorization",
        zh: "会话令牌无效：请先用 POST /v1/auth/login 登录，再在请求头中加入 Authorization: Bearer <会话令牌>。",
        en: "the session token is not valid: log in with POST /v1/auth/login, then send Authorization: Bearer <session token>."
    )
}
