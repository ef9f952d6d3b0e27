import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin operator list`: a node's operators, personal numbers masked unless asked for (and audited);
    /// `admin operator credit`: their credit.
    struct OperatorCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operator",
            abstract: "查看节点的经营户及其信用 / List a node's operators and their credit.",
            subcommands: [List.self, Credit.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "列出经营户，身份证号和手机号已脱敏 / List operators, ID and phone numbers masked."
            )

            @OptionGroup var options: AdminOptions
            @Option(help: "节点编码 / node code") var node: String
            @Flag(help: "显示完整身份证号和手机号（记入审计日志）/ show full ID and phone numbers (audited)")
            var revealPersonal = false
            @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

            func run() throws {
                let list = { (store: CentralStore) throws in
                    let operators = try store.operatorListing(node: try store.node(node).code)
                    let shown = revealPersonal ? operators : operators.map(\.masked)
                    if json { return try printJSON(shown) }
                    print("编号 id\t名称 name\t类型 kind\t信用代码 credit code\t身份证 ID number\t手机 phone\t摊位 stall\t别名 aliases")
                    for listed in shown {
                        let item = listed.operator
                        print([item.id, item.name, item.kind.rawValue, item.creditCode ?? "-", item.idNumber ?? "-",
                               item.phone ?? "-", item.stall ?? "-", listed.aliases.isEmpty ? "-" : listed.aliases.joined(separator: ",")]
                            .joined(separator: "\t"))
                    }
                }
                if revealPersonal {
                    try options.withAuditedStore(action: "personal.reveal", target: "operators:\(node)", list)
                } else {
                    try options.withStore(list)
                }
            }
        }
    }
}
