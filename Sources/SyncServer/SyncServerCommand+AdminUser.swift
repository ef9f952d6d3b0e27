import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin user`: the admin users who log in to the HTTP admin routes, and their roles.
    struct UserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "管理管理员用户：添加、列出、停用、设置密码 / Manage admin users: add, list, disable, set a password.",
            discussion: """
                密码从标准输入读取（在终端中会提示输入且不回显），从不作为命令行参数。
                Passwords are read from standard input (at a terminal, a prompt that does not echo), never from the command line.
                """,
            subcommands: [Add.self, List.self, Disable.self, Passwd.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "添加管理员用户 / Add an admin user.",
                discussion: """
                    角色 / roles: province 省级管理员（全部权限 / everything），node 节点管理员（仅自己节点的设备、冲突、召回、统计与导出 /
                    only their nodes' devices, conflicts, recalls, statistics and exports），auditor 审计员（只读，含审计日志 / read-only,
                    including the audit log）。
                    例 / e.g.: sync-server admin user add wang.li --role node --node 46010001 < password.txt
                    """
            )

            @OptionGroup var options: AdminOptions
            @Argument(help: "用户名，如 wang.li / user name, e.g. wang.li") var name: String
            @Option(help: "角色 province|node|auditor / role") var role: String
            @Option(help: "节点管理员负责的节点编码，可重复 / a node admin's node code, repeatable") var node: [String] = []

            func validate() throws {
                guard AdminRole(rawValue: role) != nil else {
                    throw ValidationError("--role \(role) 无效，可用 province、node、auditor / is not valid: use province, node or auditor")
                }
            }

            func run() throws {
                try options.withStore { store in
                    let role = try AdminRole(parsing: role)
                    let password = try PasswordInput.read(for: name)
                    let user = try CommandAudit.recording(store, action: "user.add", target: name,
                                                            detail: "role=\(role.rawValue)") {
                        try store.addAdminUser(name: name, role: role, nodes: node, password: password)
                    }
                    print("已添加用户 / user added: \(user.name)（\(user.role.label.zh) / \(user.role.label.en)）"
                          + (user.nodes.isEmpty ? "" : " 节点 nodes: \(user.nodes.joined(separator: ", "))"))
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出管理员用户 / List the admin users.")

            @OptionGroup var options: AdminOptions
            @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

            func run() throws {
                try options.withStore { store in
                    let users = try store.adminUsers()
                    if json { return try printJSON(users) }
                    print("用户 user\t角色 role\t节点 nodes\t状态 status\t创建 created")
                    for user in users {
                        let nodes = user.nodes.isEmpty ? "-" : user.nodes.joined(separator: ",")
                        print("\(user.name)\t\(user.role.rawValue)\t\(nodes)\t\(Self.status(user))\t\(BusinessTime.display(user.createdAt))")
                    }
                }
            }

            private static func status(_ user: AdminUser) -> String {
                if user.disabledAt != nil { return "已停用 disabled" }
                if let until = user.lockedUntil { return "锁定至 locked until \(BusinessTime.display(until))" }
                if user.mustSetPassword { return "待设密码 password not set" }
                return "正常 active"
            }
        }
    }
}
