import ArgumentParser
import SyncCore


extension FieldCommand {
    struct OperatorCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operator",
            abstract: "经营户登记与查询 / Register and list operators.",
            subcommands: [Add.self, List.self, LicenceCommand.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "登记经营户 / Register an operator.")

            @OptionGroup var options: GlobalOptions
            @Option(help: "名称 / name") var name: String
            @Option(help: "organisation（企业/个体工商户）或 individual（个人）/ kind") var kind: OperatorKind = .organisation
            @Option(help: "统一社会信用代码（18 位）/ unified social credit code") var creditCode: String?
            @Option(help: "法定代表人 / legal representative") var legalRepresentative: String?
            @Option(help: "身份证号（个人）/ resident ID number") var idNumber: String?
            @Option(help: "手机号（个人）/ phone") var phone: String?
            @Option(help: "摊位号 / stall") var stall: String?
            @Option(help: "经营户编号，默认自动生成 / operator id (default generated)") var id: String?
            @OptionGroup var licence: LicenceOptions

            func validate() throws {
                guard licence.isComplete || licence.isEmpty else { throw ValidationError(LicenceOptions.incomplete) }
            }

            func run() throws {
                try options.withStore { store, output in
                    let registered = try store.registerOperator(OperatorInput(
                        id: id, name: name, kind: kind, creditCode: creditCode, legalRepresentative: legalRepresentative,
                        idNumber: idNumber, phone: phone, stall: stall, licences: try licence.checked().map { [$0] } ?? []
                    ))
                    try output.emit(OperatorView(ListedOperator(registered))) {
                        output.text("已登记经营户 \(registered.name)，编号 \(registered.id)",
                                    "operator \(registered.name) registered as \(registered.id)")
                    }
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出本节点经营户 / List the node's operators.")

            @OptionGroup var options: GlobalOptions

            func run() throws {
                try options.withStore { store, output in
                    let operators = try store.operatorListing().map(OperatorView.init)
                    try output.emit(operators) {
                        let header = output.text("编号\t名称\t类型\t信用代码\t手机\t摊位\t别名", "id\tname\tkind\tcredit code\tphone\tstall\taliases")
                        return ([header] + operators.map {
                            [$0.id, $0.name, output.text($0.kind.label), $0.creditCode ?? "-", $0.phone ?? "-", $0.stall ?? "-",
                             $0.aliases.isEmpty ? "-" : $0.aliases.joined(separator: ",")]
                                .joined(separator: "\t")
                        }).joined(separator: "\n")
                    }
                }
            }
        }
    }
}

/// An operator as listed: ID and phone numbers masked, with the ids merged into it.
struct OperatorView: Encodable {
    let id: String
    let name: String
    let kind: OperatorKind
    let creditCode: String?
    let idNumber: String?
    let phone: String?
    let stall: String?
    let aliases: [String]
    /// The licences on record.
    let licences: [Licence]?

    init(_ listed: ListedOperator) {
        let value = listed.operator.masked
        id = value.id
        name = value.name
        kind = value.kind
        creditCode = value.creditCode
        idNumber = value.idNumber
        phone = value.phone
        stall = value.stall
        aliases = listed.aliases
        licences = value.licences
    }
}
