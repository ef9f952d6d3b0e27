import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin credit`: the province's operator-credit settings.
    struct CreditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "credit",
            abstract: "经营户信用设置 / Operator credit settings.",
            discussion: """
                各经营户的信用分用 admin operator credit 查看。
                Each operator's score: admin operator credit.
                """,
            subcommands: [Public.self]
        )
    }
}

extension SyncServerCommand.Admin.CreditCommand {
    /// `admin credit public [--on|--off]`: whether the public trace page shows the selling operator's grade.
    struct Public: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "公开页面是否显示经营户信用等级 / Whether the public page shows operators' grades.",
            discussion: """
                --on：消费者追溯页面（/t/{code}）显示售出经营户的信用等级（只显示等级，不显示分数和各项输入）；--off：不显示（默认）。不带参数时显示当前设置。更改记入审计日志。
                --on: the consumer's trace page (/t/{code}) shows the selling operator's grade (the grade only, never the score or its inputs); --off: it does not (the default). Without either, shows the setting. A change is recorded in the audit log.
                """
        )

        @OptionGroup var options: AdminOptions
        @Flag(help: "显示等级 / show grades") var on = false
        @Flag(help: "不显示等级 / do not show grades") var off = false
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            guard !(on && off) else { throw ValidationError("--on 与 --off 只能选一个 / choose --on or --off, not both") }
        }

        func run() throws {
            let show = { (settings: CreditSettings) throws in
                if json { return try printJSON(settings) }
                print(settings.publicGrade
                    ? "公开页面显示经营户信用等级 / the public page shows operators' grades: 开 on"
                    : "公开页面不显示经营户信用等级 / the public page does not show operators' grades: 关 off")
            }
            guard on || off else { return try options.withStore { try show(try $0.creditSettings()) } }
            try options.withAuditedStore(action: "credit.settings", target: on ? "public_grade=on" : "public_grade=off") { store in
                try show(try store.setCreditSettings(CreditSettings(publicGrade: on)))
            }
        }
    }
}
