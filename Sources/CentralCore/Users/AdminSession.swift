public import SyncCore

/// A logged-in admin's session: a bearer token shown once, and when it ends.
public struct AdminSession: Sendable, Hashable {
    /// The bearer token for `Authorization: Bearer …`; stored only as its hash.
    public let token: String
    /// When the session ends at the latest (milliseconds since the Unix epoch), however busy it is.
    public let expiresAt: Int64
    /// How long the session may stay unused before it ends, in seconds.
    public let idleTimeoutSeconds: Int
    /// Who the session acts for.
    public let principal: AdminPrincipal

    package init(token: String, expiresAt: Int64, idleTimeoutSeconds: Int, principal: AdminPrincipal) {
        self.token = token
        self.expiresAt = expiresAt
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.principal = principal
    }
}

/// The limits of admin logins and sessions.
public enum AdminSessionPolicy {
    /// A session unused this long ends (30 minutes).
    public static let idleTimeout: Int64 = 30 * 60_000
    /// A session ends this long after login whatever happens (8 hours).
    public static let lifetime: Int64 = 8 * 3_600_000
    /// This many failed logins in a row lock the account.
    public static let failuresBeforeLockout = 5
    /// How long a locked account stays locked (15 minutes).
    public static let lockoutDuration: Int64 = 15 * 60_000
}
