public import CentralCore
public import SyncCore

/// Logging in: the password check with its lockout, and the sessions it opens.
///
/// A login has three steps, so that its slow part runs outside the store: `beginLogin(name:)` reads the name,
/// `LoginAttempt.check(_:)` checks the password (anywhere, about a quarter of a second), `finishLogin(_:_:)` records
/// the outcome and opens the session. `login(name:password:)` runs the three in turn.
extension CentralStore {
    /// Checks the name and password and opens a session, all on the caller's thread.
    /// - Throws: `TraceSyncError` `login_failed` (unknown user or wrong password, not saying which),
    ///   `account_locked` (even for the right password, saying until when), `account_disabled` or
    ///   `password_change_required` (the bootstrap `admin` before its password is set).
    public func login(name: String, password: String) throws -> AdminSession {
        let attempt = try beginLogin(name: name)
        return try finishLogin(attempt, try attempt.check(password))
    }

    /// Reads what checking a password of `name` needs; nothing is written.
    /// - Throws: `TraceSyncError` `account_locked` for a locked name, known or not (no password is checked then), or
    ///   `password_change_required` for a user who has none yet.
    public func beginLogin(name: String) throws -> LoginAttempt {
        let lockout = try loginLockout(name)
        if let lockedUntil = lockout.lockedUntil, lockedUntil > clock() { throw Self.accountLocked(until: lockedUntil) }
        guard lockout.known else { return LoginAttempt(name: name, storedHash: nil) }
        guard let stored = try database.row("SELECT password_hash FROM admin_users WHERE name = ?", name)?
            .string("password_hash") else { throw Self.passwordChangeRequired(name) }
        return LoginAttempt(name: name, storedHash: stored)
    }

    /// Records a checked password and opens a session.
    /// - Throws: as `login(name:password:)`.
    public func finishLogin(_ attempt: LoginAttempt, _ check: PasswordCheck) throws -> AdminSession {
        try recordPasswordCheck(attempt, check)
        let user = try adminUser(attempt.name)
        let token = Secrets.deviceSecret()
        let now = clock()
        try database.run(
            "INSERT INTO admin_sessions (token_hash, name, created_at, last_used_at) VALUES (?, ?, ?, ?)",
            Secrets.hash(token), attempt.name, now, now
        )
        return AdminSession(
            token: token, expiresAt: now + AdminSessionPolicy.lifetime,
            idleTimeoutSeconds: Int(AdminSessionPolicy.idleTimeout / 1000), principal: user.principal
        )
    }

    /// Records the outcome of a password check, counting failures: the fifth in a row locks the name for 15
    /// minutes, known or not; a success clears the count and stores the stronger hash if one was made. The name's
    /// state is read again, as another login of it may have ended in between.
    /// - Throws: `TraceSyncError` `login_failed`, `account_locked` or `account_disabled`.
    public func recordPasswordCheck(_ attempt: LoginAttempt, _ check: PasswordCheck) throws {
        // The refusal is thrown once the transaction has committed, so a counted failure stays counted.
        let refusal: TraceSyncError? = try database.inTransaction {
            let lockout = try loginLockout(attempt.name)
            if let lockedUntil = lockout.lockedUntil, lockedUntil > clock() { return Self.accountLocked(until: lockedUntil) }
            guard check.matches, lockout.known else { return try recordLoginFailure(attempt.name, after: lockout) }
            let row = try database.row("SELECT password_hash, disabled_at FROM admin_users WHERE name = ?", attempt.name)
            guard let stored = row?.string("password_hash"), stored == check.checkedHash else {
                // The password changed while this one was checked against the old hash.
                return Self.loginFailed(remaining: AdminSessionPolicy.failuresBeforeLockout - lockout.failures)
            }
            if row?.int("disabled_at") != nil {
                return TraceSyncError(.accountDisabled, field: "name",
                                      zh: "用户 \(attempt.name) 已停用，不能登录：如需恢复，请联系省级管理员。",
                                      en: "the user \(attempt.name) is disabled and cannot log in: ask a province admin if this is wrong.")
            }
            try database.run(
                "UPDATE admin_users SET failed_logins = 0, locked_until = NULL, password_hash = ? WHERE name = ?",
                check.rehashed ?? stored, attempt.name
            )
            return nil
        }
        if let refusal { throw refusal }
    }

    static func loginFailed(remaining: Int?) -> TraceSyncError {
        let warning = remaining.map {
            (zh: "；再错 \($0) 次账户将锁定 15 分钟", en: "; \($0) more failures lock the account for 15 minutes")
        }
        return TraceSyncError(.loginFailed, field: "password",
                              zh: "用户名或密码错误\(warning?.zh ?? "")。请检查后重试。",
                              en: "wrong user name or password\(warning?.en ?? ""). Check them and try again.")
    }

    static func accountLocked(until: Int64) -> TraceSyncError {
        TraceSyncError(.accountLocked, field: "name",
                       zh: "登录失败次数过多，账户已锁定至 \(BusinessTime.display(until))（UTC+8）：请到时再试，或请省级管理员用 admin user passwd 重设密码。",
                       en: "too many failed logins: the account is locked until \(BusinessTime.display(until)) (UTC+8); try again then, or ask a province admin to reset the password with `admin user passwd`.")
    }

    /// The refusal of a user who has no password yet, saying how to set one.
    public static func passwordChangeRequired(_ name: String) -> TraceSyncError {
        TraceSyncError(.passwordChangeRequired, field: "Authorization",
                       zh: "用户 \(name) 还没有设置密码：请先 POST /v1/auth/password，请求体 {\"bootstrapToken\": \"<首次启动时打印的令牌>\", \"newPassword\": \"<新密码>\"}，或在服务器上运行 sync-server admin user passwd \(name)；然后用 POST /v1/auth/login 登录。",
                       en: "the user \(name) has no password yet: first POST /v1/auth/password with {\"bootstrapToken\": \"<token printed at the first start>\", \"newPassword\": \"<new password>\"}, or run sync-server admin user passwd \(name) on the server; then log in with POST /v1/auth/login.")
    }
}
