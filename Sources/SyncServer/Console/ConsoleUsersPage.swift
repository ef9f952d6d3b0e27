import SyncCore
import CentralCore
import CentralSQLite

/// The HTML of the console's users page.
enum ConsoleUsersPage {
    /// What the last action did, by the `done` value its redirect carries.
    static let notices: [String: LocalizedText] = [
        "added": LocalizedText(zh: "已添加用户。", en: "User added."),
        "disabled": LocalizedText(zh: "已停用用户，其会话已结束。", en: "User disabled; their sessions have ended."),
        "password": LocalizedText(zh: "已重设密码，账户已解锁，其会话已结束。", en: "Password reset; the account is unlocked and its sessions have ended."),
    ]

    /// The users table with each user's forms (user names are plain `[a-z0-9._-]`, safe in a path), and the form
    /// adding a user.
    static func body(users: [AdminUser], csrf: String, done: String?) -> String {
        var html = done.flatMap { notices[$0] }.map { "<div class=\"notice\"><p>\(ConsolePage.t($0))</p></div>" } ?? ""
        let headers = [("用户名", "Name"), ("角色", "Role"), ("节点", "Nodes"), ("创建", "Created"), ("状态", "Status"),
                       ("停用", "Disable"), ("重设密码", "Reset password")].map { ConsolePage.t($0.0, $0.1) }
        let rows = users.map { user -> [String] in
            let path = "/console/users/\(user.name)"
            var status = user.disabledAt != nil ? "<span class=\"hold\">\(ConsolePage.t("已停用", "disabled"))</span>" : ConsolePage.t("正常", "active")
            if let locked = user.lockedUntil { status += "<br>\(ConsolePage.t("锁定至", "locked until")) \(HTMLPage.escape(BusinessTime.display(locked)))" }
            if user.mustSetPassword { status += "<br>\(ConsolePage.t("待设首次密码", "first password pending"))" }
            return [
                HTMLPage.escape(user.name), ConsolePage.t(user.role.label),
                user.nodes.isEmpty ? "—" : HTMLPage.escape(user.nodes.joined(separator: ", ")),
                HTMLPage.escape(BusinessTime.display(user.createdAt)), status,
                user.disabledAt != nil ? "" : ConsolePage.form(action: "\(path)/disable", csrf: csrf, submit: LocalizedText(zh: "停用", en: "Disable"), stacked: false),
                ConsolePage.form(action: "\(path)/password", csrf: csrf, submit: LocalizedText(zh: "重设", en: "Reset"),
                                 fields: ConsolePage.input("password", label: LocalizedText(zh: "新密码", en: "New password"), type: "password")),
            ]
        }
        html += ConsolePage.table(headers, rows)
        let roles = [AdminRole.province, .node, .auditor].map { "<option value=\"\($0.rawValue)\">\(HTMLPage.escape("\($0.label.zh) / \($0.label.en)"))</option>" }.joined()
        let fields = ConsolePage.input("name", label: LocalizedText(zh: "用户名（如 wang.li）", en: "User name (e.g. wang.li)"))
            + "<label>\(ConsolePage.t("角色", "Role"))<select name=\"role\">\(roles)</select></label>"
            + ConsolePage.input("nodes", label: LocalizedText(zh: "节点（节点管理员，逗号分隔）", en: "Nodes (node admins, comma-separated)"), required: false)
            + ConsolePage.input("password", label: LocalizedText(zh: "初始密码（至少 12 位）", en: "First password (12 characters or more)"), type: "password")
        html += "<div class=\"card\"><h2>\(ConsolePage.t("添加用户", "Add a user"))</h2>"
            + ConsolePage.form(action: "/console/users", csrf: csrf, submit: LocalizedText(zh: "添加", en: "Add"), fields: fields) + "</div>"
        return html
    }
}
