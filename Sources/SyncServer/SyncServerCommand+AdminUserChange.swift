import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.UserCommand {
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "停用管理员用户：不能再登录，现有会话立即结束 / Disable an admin user: no more logins, their sessions end at once."
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "用户名 / user name") var name: String

        func run() throws {
            try options.withStore { store in
                try CommandAudit.recording(store, action: "user.disable", target: name) { try store.disableAdminUser(name) }
                print("用户已停用 / user disabled: \(name)")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设置用户的密码（解除锁定，结束其会话）/ Set a user's password (unlocks the account, ends its sessions).",
            discussion: """
                也用于首次为 admin 设置密码（代替引导令牌）。
                Also sets the first password of `admin` (instead of the bootstrap token).
                例 / e.g.: sync-server admin user passwd admin
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "用户名 / user name") var name: String

        func run() throws {
            try options.withStore { store in
                _ = try store.adminUser(name)
                let password = try PasswordInput.read(for: name)
                try CommandAudit.recording(store, action: "user.passwd", target: name) {
                    try store.setAdminPassword(name, to: password)
                }
                print("密码已设置 / password set: \(name)")
            }
        }
    }
}
