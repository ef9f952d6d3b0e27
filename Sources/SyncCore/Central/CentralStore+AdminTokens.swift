/// Admin credentials: for now a bootstrap token made at first start (full users and roles come later).
extension CentralStore {
    /// Makes the bootstrap admin token if the store has no admin credential yet; returns it (to print once), or nil.
    public func ensureBootstrapAdminToken() throws -> String? {
        guard try database.scalar("SELECT count(*) FROM admin_tokens") == 0 else { return nil }
        let token = Secrets.deviceSecret()
        try database.run("INSERT INTO admin_tokens (token_hash, name, created_at) VALUES (?, 'bootstrap-admin', ?)",
                         Secrets.hash(token), clock())
        return token
    }

    /// The admin a bearer token belongs to.
    /// - Throws: `TraceSyncError` `unauthorized` for an unknown token.
    public func authenticateAdmin(token: String) throws -> String {
        guard let row = try database.row("SELECT name FROM admin_tokens WHERE token_hash = ?", Secrets.hash(token)) else {
            throw TraceSyncError("unauthorized", field: "Authorization",
                                 zh: "管理员令牌无效：请使用服务器首次启动时打印的管理员令牌。",
                                 en: "the admin token is not valid: use the admin token the server printed at its first start.")
        }
        return row.string("name")!
    }
}
