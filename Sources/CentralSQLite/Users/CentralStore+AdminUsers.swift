public import CentralCore
public import SyncCore

/// Admin users: adding, listing, disabling and setting passwords. Passwords are checked against `PasswordPolicy`
/// and stored only as `PasswordHash`es.
extension CentralStore {
    /// Adds an admin user with a password, hashing it on the caller's thread.
    /// - Parameters:
    ///   - nodes: the node codes a node admin looks after (at least one, each known); empty for the other roles.
    /// - Throws: `TraceSyncError` `bad_user_name`, `user_exists`, `bad_nodes`, `unknown_node` or `weak_password`;
    ///   nothing is changed then.
    @discardableResult
    public func addAdminUser(name: String, role: AdminRole, nodes: [String], password: String) throws -> AdminUser {
        let user = try checkNewAdminUser(name: name, role: role, nodes: nodes, password: password)
        return try addAdminUser(user, hash: try NewPasswordHash(hashing: password))
    }

    /// Checks a new user's name, nodes and password, storing nothing, so that the password can be hashed elsewhere
    /// before `addAdminUser(_:hash:)`.
    /// - Throws: `TraceSyncError` `bad_user_name`, `bad_nodes`, `unknown_node` or `weak_password`.
    public func checkNewAdminUser(name: String, role: AdminRole, nodes: [String], password: String) throws -> NewAdminUser {
        try Self.checkUserName(name)
        let nodes = try checkedNodes(nodes, role: role)
        try PasswordPolicy.check(password, name: name)
        return NewAdminUser(name: name, role: role, nodes: nodes)
    }

    /// Adds a user checked by `checkNewAdminUser`, with the hash of the password checked there.
    /// - Throws: `TraceSyncError` `user_exists`; nothing is changed then.
    @discardableResult
    public func addAdminUser(_ user: NewAdminUser, hash: NewPasswordHash) throws -> AdminUser {
        try database.inTransaction {
            guard try database.row("SELECT name FROM admin_users WHERE name = ?", user.name) == nil else {
                throw TraceSyncError(.userExists, field: "name",
                                     zh: "用户 \(user.name) 已存在：请换一个用户名，或用 admin user list 查看已有用户。",
                                     en: "the user \(user.name) already exists: choose another name, or see `admin user list`.")
            }
            let now = clock()
            try database.run(
                """
                INSERT INTO admin_users (name, role, nodes, password_hash, created_at, password_changed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                user.name, user.role.rawValue, user.nodes.joined(separator: " "), hash.stored, now, now
            )
            return try adminUser(user.name)
        }
    }

    /// Every admin user, by name.
    public func adminUsers() throws -> [AdminUser] {
        try database.query("SELECT * FROM admin_users ORDER BY name").map(adminUser(row:))
    }

    /// One admin user.
    /// - Throws: `TraceSyncError` `unknown_user`.
    public func adminUser(_ name: String) throws -> AdminUser {
        guard let row = try database.row("SELECT * FROM admin_users WHERE name = ?", name) else {
            throw TraceSyncError(.unknownUser, field: "name",
                                 zh: "没有用户 \(name)：admin user list 列出全部用户。",
                                 en: "there is no user \(name): `admin user list` lists the users.")
        }
        return adminUser(row: row)
    }

    /// Disables a user: they can no longer log in and every session of theirs ends at once. Disabling a disabled
    /// user changes nothing.
    /// - Throws: `TraceSyncError` `unknown_user`, or `last_province_admin` when no other province admin could still
    ///   log in.
    @discardableResult
    public func disableAdminUser(_ name: String) throws -> AdminUser {
        try database.inTransaction {
            let user = try adminUser(name)
            guard user.disabledAt == nil else { return user }
            if user.role == .province {
                let others = try database.scalar(
                    "SELECT count(*) FROM admin_users WHERE role = 'province' AND disabled_at IS NULL AND name <> ?", name
                ) ?? 0
                guard others > 0 else {
                    throw TraceSyncError(.lastProvinceAdmin, field: "name",
                                         zh: "\(name) 是最后一个可用的省级管理员，不能停用：请先添加另一个省级管理员。",
                                         en: "\(name) is the last active province admin and cannot be disabled: add another province admin first.")
                }
            }
            let now = clock()
            try database.run("UPDATE admin_users SET disabled_at = ? WHERE name = ?", now, name)
            try endSessions(of: name, at: now)
            return try adminUser(name)
        }
    }

    /// Sets a user's password as the operator running `admin user passwd` (no old password asked): unlocks the
    /// account, ends the user's sessions and voids the bootstrap token if this was the bootstrap `admin`.
    /// - Throws: `TraceSyncError` `unknown_user` or `weak_password`.
    public func setAdminPassword(_ name: String, to password: String) throws {
        _ = try adminUser(name)
        try PasswordPolicy.check(password, name: name)
        let hash = try PasswordHash(hashing: password).stored
        try database.inTransaction { try storePassword(hash, of: name) }
    }

    /// Changes one's own password, proving it with the old one, all on the caller's thread. A wrong old password
    /// counts as a failed login. The server runs the same steps with the hashing on threads of its own.
    /// - Throws: `TraceSyncError` `login_failed`, `account_locked`, `account_disabled`, `weak_password` or
    ///   `same_password`.
    public func changeAdminPassword(_ name: String, old: String, new: String) throws {
        let attempt = try beginLogin(name: name)
        try recordPasswordCheck(attempt, try attempt.check(old))
        try checkNewPassword(new, replacing: old, of: name)
        try storeNewPassword(try NewPasswordHash(hashing: new), of: name)
    }

    /// Refuses a new password that is the old one or too weak.
    /// - Throws: `TraceSyncError` `same_password` or `weak_password`.
    public func checkNewPassword(_ new: String, replacing old: String, of name: String) throws {
        guard old != new else {
            throw TraceSyncError(.samePassword, field: "newPassword",
                                 zh: "新密码与旧密码相同：请换一个新密码。",
                                 en: "the new password is the old one: choose a different one.")
        }
        try PasswordPolicy.check(new, name: name)
    }

    /// Stores a user's new password (hashed beforehand), unlocks the account and ends its sessions.
    public func storeNewPassword(_ hash: NewPasswordHash, of name: String) throws {
        try database.inTransaction { try storePassword(hash.stored, of: name) }
    }

    /// Saves a new password hash, unlocks the account, ends its sessions and voids the bootstrap token it had.
    func storePassword(_ hash: String, of name: String) throws {
        let now = clock()
        try database.run(
            """
            UPDATE admin_users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL
            WHERE name = ?
            """,
            hash, now, name
        )
        try database.run("DELETE FROM admin_tokens WHERE name = ?", name)
        try endSessions(of: name, at: now)
    }

    /// A user name: 2 to 32 of lower-case ASCII letters, digits, `.`, `_` and `-`, starting with a letter.
    /// - Throws: `TraceSyncError` `bad_user_name`.
    static func checkUserName(_ name: String) throws {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_".contains($0)) }
        guard (2...32).contains(name.count), allowed, name.first?.isLetter == true else {
            throw TraceSyncError(.badUserName, field: "name",
                                 zh: "用户名 \(name) 无效：2 到 32 个小写字母、数字、点、下划线或连字符，以字母开头，如 wang.li。",
                                 en: "the user name \(name) is not valid: 2 to 32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter, e.g. wang.li.")
        }
    }

    /// The nodes of a new user: known, without repeats, at least one for a node admin, none for the other roles.
    private func checkedNodes(_ nodes: [String], role: AdminRole) throws -> [String] {
        switch (role, nodes.isEmpty) {
        case (.node, true):
            throw TraceSyncError(.badNodes, field: "nodes",
                                 zh: "节点管理员至少要有一个节点：请用 --node 指定节点编码（可重复），如 --node 46010001。",
                                 en: "a node admin needs at least one node: name it with --node (repeatable), e.g. --node 46010001.")
        case (.province, false), (.auditor, false):
            throw TraceSyncError(.badNodes, field: "nodes",
                                 zh: "\(role.label.zh)不限于节点，不能指定节点：请去掉 --node，或把角色设为 node。",
                                 en: "a \(role.label.en) is not limited to nodes: leave out --node, or make the role node.")
        default:
            var unique: [String] = []
            for code in nodes where !unique.contains(code) {
                _ = try node(code)
                unique.append(code)
            }
            return unique
        }
    }

    /// A user as read; a lock that has run out is not shown.
    func adminUser(row: Row) -> AdminUser {
        AdminUser(
            name: row.string("name") ?? "",
            role: AdminRole(rawValue: row.string("role") ?? "") ?? .auditor,
            nodes: (row.string("nodes") ?? "").split(separator: " ").map(String.init),
            createdAt: row.int("created_at") ?? 0,
            disabledAt: row.int("disabled_at"),
            lockedUntil: row.int("locked_until").flatMap { $0 > clock() ? $0 : nil },
            mustSetPassword: row.string("password_hash") == nil
        )
    }
}
