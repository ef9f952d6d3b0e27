public import SyncCore

/// An admin session as the store holds it, read without writing (on a reader beside the writer), and the pure rule
/// that tells whether it is still live.
///
/// The idle timeout is measured from the session's last use. A server keeps the last use of each session in memory
/// (`AdminSessionTouches`) and writes it to the store at most once a minute per session
/// (`AdminSessionPolicy.touchInterval`), so a check passes the later of the two: within one server run the
/// 30-minute idle and 8-hour limits are exact to the millisecond; after a restart the stored last use may be up to
/// one minute early, so a session idle for 29 to 30 minutes at a restart may end up to a minute early, never late.
public struct StoredAdminSession: Sendable, Hashable {
    /// The SHA-256 hash of the session's token, as the store keys it.
    public let tokenHash: String
    /// Who the session acts for.
    public let principal: AdminPrincipal
    /// When the user logged in (milliseconds since the Unix epoch).
    public let createdAt: Int64
    /// When the session was last used, as the store last recorded it.
    public let lastUsedAt: Int64
    /// Whether the session was ended (logout, a password change) or its user disabled.
    public let ended: Bool

    package init(tokenHash: String, principal: AdminPrincipal, createdAt: Int64, lastUsedAt: Int64, ended: Bool) {
        self.tokenHash = tokenHash
        self.principal = principal
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.ended = ended
    }

    /// Where a session stands at a moment.
    public enum Standing: Sendable, Hashable {
        /// The session may be used.
        case live
        /// It was ended, or its user disabled.
        case ended
        /// It was unused for longer than `AdminSessionPolicy.idleTimeout`.
        case idle
        /// It is older than `AdminSessionPolicy.lifetime`.
        case pastLifetime
    }

    /// Where the session stands at `now`, when it was last used at `lastUse` (the later of the stored time and the
    /// one the server holds in memory).
    public func standing(now: Int64, lastUse: Int64? = nil) -> Standing {
        if ended { return .ended }
        if now - max(lastUsedAt, lastUse ?? lastUsedAt) > AdminSessionPolicy.idleTimeout { return .idle }
        if now - createdAt > AdminSessionPolicy.lifetime { return .pastLifetime }
        return .live
    }

    /// The refusal of a session that is not live (`session_expired`), saying why and how to go on.
    public static func refusal(_ standing: Standing) -> TraceSyncError? {
        let reason: (zh: String, en: String)
        switch standing {
        case .live: return nil
        case .ended: reason = ("会话已结束（已退出登录、密码已更改或用户已停用）",
                               "the session has ended (logged out, password changed or user disabled)")
        case .idle: reason = ("会话已因 30 分钟未使用而过期", "the session expired after 30 minutes unused")
        case .pastLifetime: reason = ("会话已满 8 小时而过期", "the session expired 8 hours after login")
        }
        return TraceSyncError(.sessionExpired, field: "Authorization",
                              zh: "\(reason.zh)：请用 POST /v1/auth/login 重新登录。",
                              en: "\(reason.en): log in again with POST /v1/auth/login.")
    }
}

extension AdminSessionPolicy {
    /// How often a session's last use is written to the store at most (one minute): uses in between are held in
    /// the server's memory, so a busy console does not write on every request.
    public static let touchInterval: Int64 = 60_000
}
