public import CentralCore
public import SyncCore

/// The tables of admin users and their sessions (migration `v3-admin-users`).
///
/// `admin_tokens` keeps only the one-time bootstrap token of the first province admin, `admin`, good for setting
/// that user's password once; a store that already had a bootstrap token gets its `admin` user here, still to set a
/// password with that same token.
enum AdminUsersSchema {
    static let sql = """
        CREATE TABLE admin_users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('province', 'node', 'auditor')),
            nodes TEXT NOT NULL DEFAULT '',
            password_hash TEXT,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            disabled_at INTEGER,
            created_at INTEGER NOT NULL,
            password_changed_at INTEGER
        );
        CREATE TABLE admin_sessions (
            token_hash TEXT PRIMARY KEY,
            name TEXT NOT NULL REFERENCES admin_users (name),
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        CREATE INDEX admin_sessions_name ON admin_sessions (name);
        INSERT INTO admin_users (name, role, created_at)
            SELECT 'admin', 'province', min(created_at) FROM admin_tokens HAVING count(*) > 0;
        UPDATE admin_tokens SET name = 'admin';
        """
}
