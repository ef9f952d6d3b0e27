/// Logging in: the password check with its lockout, and the sessions it opens.
extension CentralStore {
    /// Checks the name and password and opens a session.
    /// - Throws: `TraceSyncError` `login_failed` (unknown user or wrong password, not saying which),
    ///   `account_locked` (even for the right password, saying until when), `account_disabled` or
    ///   `password_change_required` (the bootstrap `admin` before its password is set).
    public func login(name: String, password: String) throws -> AdminSession {
        try checkPassword(password, of: name)
        let user = try adminUser(name)
        let token = Secrets.deviceSecret()
        let now = clock()
        try database.run(
            "INSERT INTO admin_sessions (token_hash, name, created_at, last_used_at) VALUES (?, ?, ?, ?)",
            Secrets.hash(token), name, now, now
        )
        return AdminSession(
            token: token, expiresAt: now + AdminSessionPolicy.lifetime,
            idleTimeoutSeconds: Int(AdminSessionPolicy.idleTimeout / 1000), principal: user.principal
        )
    }

    /// Checks a user's password, counting failures: the fifth in a row locks the account for 15 minutes, a success
    /// clears the count. Stores a stronger hash when the stored one's parameters are out of date.
    func checkPassword(_ password: String, of name: String) throws {
        guard let row = try database.row("SELECT * FROM admin_users WHERE name = ?", name) else {
            try PasswordHash.burnComparableTime(password)
            throw Self.loginFailed(remaining: nil)
        }
        let now = clock()
        if let lockedUntil = row.int("locked_until"), lockedUntil > now {
            throw Self.accountLocked(until: lockedUntil)
        }
        guard let stored = row.string("password_hash") else { throw Self.passwordChangeRequired(name) }
        guard let hash = PasswordHash(stored: stored), try hash.matches(password) else {
            let failures = Int(row.int("failed_logins") ?? 0) + 1
            if failures >= AdminSessionPolicy.failuresBeforeLockout {
                let until = now + AdminSessionPolicy.lockoutDuration
                try database.run("UPDATE admin_users SET failed_logins = 0, locked_until = ? WHERE name = ?", until, name)
                throw Self.accountLocked(until: until)
            }
            try database.run("UPDATE admin_users SET failed_logins = ?, locked_until = NULL WHERE name = ?", failures, name)
            throw Self.loginFailed(remaining: AdminSessionPolicy.failuresBeforeLockout - failures)
        }
        if row.int("disabled_at") != nil {
            throw TraceSyncError("account_disabled", field: "name",
                                 zh: "用户 \(name) 已停用，不能登录：如需恢复，请联系省级管理员。",
                                 en: "the user \(name) is disabled and cannot log in: ask a province admin if this is wrong.")
        }
        let rehashed = hash.isOutdated ? try PasswordHash(hashing: password).stored : stored
        try database.run(
            "UPDATE admin_users SET failed_logins = 0, locked_until = NULL, password_hash = ? WHERE name = ?", rehashed, name
        )
    }

    static func loginFailed(remaining: Int?) -> TraceSyncError {
        let warning = remaining.map {
            (zh: "；再错 \($0) 次账户将锁定 15 分钟", en: "; \($0) more failures lock the account for 15 minutes")
        }
        return TraceSyncError("login_failed", field: "password",
                              zh: "用户名或密码错误\(warning?.zh ?? "")。请检查后重试。",
                              en: "wrong user name or password\(warning?.en ?? ""). Check them and try again.")
    }

    static func accountLocked(until: Int64) -> TraceSyncError {
        TraceSyncError("account_locked", field: "name",
                       zh: "登录失败次数过多，账户已锁定至 \(BusinessTime.display(until))（UTC+8）：请到时再试，或请省级管理员用 admin user passwd 重设密码。",
                       en: "too many failed logins: the account is locked until \(BusinessTime.display(until)) (UTC+8); try again then, or ask a province admin to reset the password with `admin user passwd`.")
    }

    /// The refusal of a user who has no password yet, saying how to set one.
    public static func passwordChangeRequired(_ name: String) -> TraceSyncError {
        TraceSyncError("password_change_required", field: "Authorization",
                       zh: "用户 \(name) 还没有设置密码：请先 POST /v1/auth/password，请求体 {\"bootstrapToken\": \"<首次启动时打印的令牌>\", \"newPassword\": \"<新密码>\"}，或在服务器上运行 sync-server admin user passwd \(name)；然后用 POST /v1/auth/login 登录。",
                       en: "the user \(name) has no password yet: first POST /v1/auth/password with {\"bootstrapToken\": \"<token printed at the first start>\", \"newPassword\": \"<new password>\"}, or run sync-server admin user passwd \(name) on the server; then log in with POST /v1/auth/login.")
    }
}
