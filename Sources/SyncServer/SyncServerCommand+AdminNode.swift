import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin node`: adds and lists nodes (markets, slaughterhouses …).
    struct NodeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "node",
            abstract: "添加和列出节点 / Add and list nodes.",
            subcommands: [Add.self, List.self, Contact.self]
        )

        /// The kinds of node DESIGN.md §1 names.
        /// The edible farm products' kinds, then those of the other industries' profiles (农资店, 仓库, 承运单位 …).
        static let kinds: [String] = {
            var kinds = ["wholesale_market", "farmers_market", "slaughterhouse", "supermarket", "canteen", "farm"]
            for profile in (try? BundledIndustryProfiles.all()) ?? [] {
                kinds += profile.nodeKinds.map(\.kind).filter { !kinds.contains($0) }
            }
            return kinds
        }()

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "添加节点 / Add a node.")

            @OptionGroup var options: AdminOptions
            @Option(help: "节点编码，8 位数字，如 46010001 / node code, 8 digits, e.g. 46010001") var code: String
            @Option(help: "名称 / name") var name: String
            @Option(help: "英文名称（默认同名称）/ English name (default: the name)") var nameEn: String?
            @Option(help: "类型 / kind: \(NodeCommand.kinds.joined(separator: ", "))") var kind: String
            @Option(help: "所在区县的行政区划代码，如 460106 / GB/T 2260 code of the district, e.g. 460106") var region: String
            @Option(help: "市场办公室的公开电话，显示在消费者查询页 / the market office's public phone, shown on the consumer's page") var phone: String?
            @Option(help: "地址，显示在消费者查询页 / street address, shown on the consumer's page") var address: String?

            func run() throws {
                try options.withAuditedStore(action: "node.add", target: code, creating: true) { store in
                    guard NodeCommand.kinds.contains(kind) else {
                        throw TraceSyncError(.badNodeKind, field: "kind",
                                             zh: "节点类型「\(kind)」无效：可用 \(NodeCommand.kinds.joined(separator: "、"))。",
                                             en: "node kind \"\(kind)\" is not valid: use one of \(NodeCommand.kinds.joined(separator: ", ")).")
                    }
                    try store.addNode(Node(code: code, name: name, nameEn: nameEn ?? name, kind: kind, region: region,
                                           phone: phone, address: address))
                    print("已添加节点 / node added: \(code) \(name)")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出节点 / List the nodes.")

            @OptionGroup var options: AdminOptions
            @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

            func run() throws {
                try options.withStore { store in
                    let nodes = try store.nodes()
                    if json { return try printJSON(nodes) }
                    print("编码 code\t类型 kind\t区划 region\t名称 name")
                    for node in nodes { print("\(node.code)\t\(node.kind)\t\(node.region)\t\(node.name)") }
                }
            }
        }
    }
}
