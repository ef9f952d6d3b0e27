public import CentralCore
public import SyncCore

/// The bootstrap token: made at the server's first start for the first province admin, `admin`, who has no password
/// yet. It is good only for setting that password, once; then it is void.
extension CentralStore {
    /// The name of the first province admin, who sets a password with the bootstrap token.
    public static let bootstrapAdminName = "admin"

    /// Makes the user `admin` (province, no password yet) and its bootstrap token if the store has no admin user
    /// and no bootstrap token yet; returns the token (to print once), or nil.
    public func ensureBootstrapAdminToken() throws -> String? {
        try database.inTransaction {
            guard try database.scalar("SELECT count(*) FROM admin_tokens") == 0,
                  try database.scalar("SELECT count(*) FROM admin_users") == 0 else { return nil }
            let token = Secrets.deviceSecret()
            let now = clock()
            try database.run("INSERT INTO admin_users (name, role, created_at) VALUES (?, 'province', ?)",
                             Self.bootstrapAdminName, now)
            try database.run("INSERT INTO admin_tokens (token_hash, name, created_at) VALUES (?, ?, ?)",
                             Secrets.hash(token), Self.bootstrapAdminName, now)
            return token
        }
    }

    /// The user whose bootstrap token this is, while it is still good; nil otherwise.
    public func bootstrapUser(token: String) throws -> String? {
        try database.row("SELECT name FROM admin_tokens WHERE token_hash = ?", Secrets.hash(token))?.string("name")
    }

    /// Sets the first password of the user the bootstrap token belongs to, which voids the token; hashes it on the
    /// caller's thread.
    /// - Returns: the user's name.
    /// - Throws: `TraceSyncError` `unauthorized` for a token that is unknown or already used, or `weak_password`.
    @discardableResult
    public func setPassword(bootstrapToken: String, to password: String) throws -> String {
        let name = try checkBootstrapPassword(bootstrapToken: bootstrapToken, password: password)
        return try setPassword(bootstrapToken: bootstrapToken, hash: try NewPasswordHash(hashing: password), of: name)
    }

    /// Checks the bootstrap token and the first password it is to set, storing nothing; returns the user's name.
    /// - Throws: `TraceSyncError` `unauthorized` or `weak_password`.
    public func checkBootstrapPassword(bootstrapToken: String, password: String) throws -> String {
        guard let name = try bootstrapUser(token: bootstrapToken) else { throw Self.bootstrapTokenInvalid }
        try PasswordPolicy.check(password, name: name)
        return name
    }

    /// Stores the hash of a password `checkBootstrapPassword` accepted, if the token is still good.
    /// - Throws: `TraceSyncError` `unauthorized` when the token was used in the meantime.
    @discardableResult
    public func setPassword(bootstrapToken: String, hash: NewPasswordHash, of name: String) throws -> String {
        try database.inTransaction {
            guard try bootstrapUser(token: bootstrapToken) == name else { throw Self.bootstrapTokenInvalid }
            try storePassword(hash.stored, of: name)
        }
        return name
    }

    private static let bootstrapTokenInvalid = TraceSyncError(
        .unauthorized, field: "bootstrapToken",
        zh: "引导令牌无效或已用过：它只能用一次。请用 POST /v1/auth/login 登录，或在服务器上运行 sync-server admin user passwd admin 重设密码。",
        en: "the bootstrap token is not valid or was already used: it works once. Log in with POST /v1/auth/login, or reset the password on the server with sync-server admin user passwd admin."
    )
}
