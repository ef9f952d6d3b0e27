public import CentralCore
public import SyncCore

/// The count of failed logins in a row and the lock it leads to, kept alike for every name tried: a known user's in
/// `admin_users`, an unknown name's in `login_failures`. An unknown name is locked after as many failures and for as
/// long as a user, so neither the answers nor the lock tell which names exist.
extension CentralStore {
    /// The table of unknown names' failures (migration `v8-login-failures`). A row whose last failure is a day old
    /// is forgotten at the next failure of any name, so the table holds only the names tried lately.
    static let loginFailuresSQL = """
        CREATE TABLE login_failures (
            name TEXT PRIMARY KEY,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            failed_at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
        """

    /// How long an unknown name's failures are remembered after its last one (a day).
    static let unknownNameMemory: Int64 = 86_400_000

    /// A name's failures in a row and its lock, if any.
    struct LoginLockout {
        /// Whether the name is a user's.
        let known: Bool
        let failures: Int
        let lockedUntil: Int64?
    }

    /// The failures and lock of `name`, user or not.
    func loginLockout(_ name: String) throws -> LoginLockout {
        if let row = try database.row("SELECT failed_logins, locked_until FROM admin_users WHERE name = ?", name) {
            return LoginLockout(known: true, failures: Int(row.int("failed_logins") ?? 0), lockedUntil: row.int("locked_until"))
        }
        let row = try database.row("SELECT failed_logins, locked_until FROM login_failures WHERE name = ?", name)
        return LoginLockout(known: false, failures: Int(row?.int("failed_logins") ?? 0), lockedUntil: row?.int("locked_until"))
    }

    /// Counts one more failure of `name` after `lockout`; returns the refusal to answer: `login_failed` saying how
    /// many tries are left, or `account_locked` on the last one.
    func recordLoginFailure(_ name: String, after lockout: LoginLockout) throws -> TraceSyncError {
        let now = clock()
        let failures = lockout.failures + 1
        let locks = failures >= AdminSessionPolicy.failuresBeforeLockout
        let until = locks ? now + AdminSessionPolicy.lockoutDuration : nil
        if lockout.known {
            try database.run("UPDATE admin_users SET failed_logins = ?, locked_until = ? WHERE name = ?",
                             locks ? 0 : failures, until, name)
        } else {
            try database.run("DELETE FROM login_failures WHERE failed_at < ?", now - Self.unknownNameMemory)
            try database.run(
                """
                INSERT INTO login_failures (name, failed_logins, locked_until, failed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (name) DO UPDATE SET failed_logins = ?2, locked_until = ?3, failed_at = ?4
                """,
                name, locks ? 0 : failures, until, now
            )
        }
        if let until { return Self.accountLocked(until: until) }
        return Self.loginFailed(remaining: AdminSessionPolicy.failuresBeforeLockout - failures)
    }
}
