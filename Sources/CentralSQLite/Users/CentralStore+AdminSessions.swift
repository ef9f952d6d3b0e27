public import CentralCore
public import SyncCore

/// Admin sessions: the bearer tokens of logged-in users, which end after 30 minutes unused, 8 hours in all, at
/// logout, or when the user is disabled or changes password.
extension CentralStore {
    /// The admin a session token belongs to; marks the session used now.
    /// - Returns: nil when no session has this token (the caller then tries the bootstrap token).
    /// - Throws: `TraceSyncError` `session_expired` for a session that has ended, saying why.
    public func authenticateSession(token: String) throws -> AdminPrincipal? {
        let tokenHash = Secrets.hash(token)
        guard let row = try database.row(
            """
            SELECT s.created_at AS session_created_at, s.last_used_at, s.ended_at, u.name, u.role, u.nodes,
                   u.password_hash, u.locked_until, u.disabled_at, u.created_at
            FROM admin_sessions s JOIN admin_users u ON u.name = s.name WHERE s.token_hash = ?
            """,
            tokenHash
        ) else { return nil }
        let now = clock()
        if row.int("ended_at") != nil || row.int("disabled_at") != nil {
            throw Self.sessionExpired(zh: "会话已结束（已退出登录、密码已更改或用户已停用）",
                                      en: "the session has ended (logged out, password changed or user disabled)")
        }
        if now - (row.int("last_used_at") ?? 0) > AdminSessionPolicy.idleTimeout {
            try database.run("UPDATE admin_sessions SET ended_at = ? WHERE token_hash = ?", now, tokenHash)
            throw Self.sessionExpired(zh: "会话已因 30 分钟未使用而过期", en: "the session expired after 30 minutes unused")
        }
        if now - (row.int("session_created_at") ?? 0) > AdminSessionPolicy.lifetime {
            try database.run("UPDATE admin_sessions SET ended_at = ? WHERE token_hash = ?", now, tokenHash)
            throw Self.sessionExpired(zh: "会话已满 8 小时而过期", en: "the session expired 8 hours after login")
        }
        try database.run("UPDATE admin_sessions SET last_used_at = ? WHERE token_hash = ?", now, tokenHash)
        return adminUser(row: row).principal
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

    private static func sessionExpired(zh: String, en: String) -> TraceSyncError {
        TraceSyncError(.sessionExpired, field: "Authorization",
                       zh: "\(zh)：请用 POST /v1/auth/login 重新登录。", en: "\(en): log in again with POST /v1/auth/login.")
    }
}
