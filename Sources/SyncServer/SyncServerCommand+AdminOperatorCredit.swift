import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.OperatorCommand {
    /// `admin operator credit [ID] --node … [--json]`: operators' credit with every input.
    struct Credit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "经营户信用分与等级 / Operators' credit score and grade.",
            discussion: """
                信用分 = 100 − Σ 次数 × 每次扣分（不低于 0），统计最近 365 天：扣留后交易 20、检测不合格 10、投诉属实 10、超卖 5、缺检疫证明 5、核查发现属实 5。等级：A ≥ 90，B ≥ 75，C ≥ 60，D < 60。给出编号时显示该经营户的每项输入；只给 --node 时列出该节点全部经营户，最差的在前。说明见 README「经营户信用」。
                score = 100 − Σ count × points each (never below 0) over the last 365 days: sold while held 20, failed test 10, complaint upheld 10, oversold 5, missing certificate 5, finding confirmed 5. Grades: A ≥ 90, B ≥ 75, C ≥ 60, D < 60. With an ID, shows that operator's every input; with --node only, lists the node's operators, worst first. The README's "Operator credit" section explains it.
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "经营户编号 / the operator's id, e.g. OP-46010001-001") var id: String?
        @Option(help: "节点编码 / node code, e.g. 46010001") var node: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            guard id != nil || node != nil else {
                throw ValidationError("请给出经营户编号或 --node / give an operator's id or --node")
            }
        }

        func run() throws {
            try options.withStore { store in
                let window = CreditWindow(now: BusinessTime.now())
                if let id {
                    let credit = try store.operatorCredit(id, window: window)
                    if let node, node != credit.node {
                        throw TraceSyncError(.badParameter, field: "node",
                                             zh: "经营户 \(id) 属于节点 \(credit.node)，不属于 \(node)：请去掉 --node 或改为 --node \(credit.node)。",
                                             en: "operator \(id) belongs to node \(credit.node), not \(node): drop --node or use --node \(credit.node).")
                    }
                    if json { return try printJSON(credit) }
                    Self.show(credit)
                    return
                }
                let code = try store.node(node!).code
                let listing = CreditListing(node: code, window: window, publicGrade: try store.creditSettings().publicGrade,
                                            operators: try store.operatorCredits(node: code, window: window))
                if json { return try printJSON(listing) }
                Self.show(listing)
            }
        }

        static func show(_ credit: OperatorCredit) {
            print("经营户 operator \(credit.operatorId) \(credit.name)（节点 node \(credit.node)）")
            if !credit.aliases.isEmpty { print("合并的别名 merged aliases: \(credit.aliases.joined(separator: ", "))") }
            print("信用分 score \(credit.score) / \(OperatorCredit.fullScore)\t等级 grade \(credit.grade.label.zh) / \(credit.grade.label.en)")
            print("统计期 window \(credit.window.fromDay) – \(credit.window.throughDay)（\(credit.window.days) 天 days）")
            print("项目 factor\t次数 count\t每次扣分 points each\t扣分 points")
            for item in credit.items {
                print("\(item.label.zh) \(item.label.en)\t\(item.count)\t\(item.pointsEach)\t\(item.points)")
            }
        }

        static func show(_ listing: CreditListing) {
            print("节点 node \(listing.node)\t统计期 window \(listing.window.fromDay) – \(listing.window.throughDay)\t"
                + "公开等级 public grade: \(listing.publicGrade ? "开 on" : "关 off")")
            guard !listing.operators.isEmpty else { return print("该节点没有经营户 / the node has no operators") }
            let factors = CreditFactor.allCases.map { "\($0.label.zh) \($0.rawValue)" }
            print((["编号 id", "名称 name", "信用分 score", "等级 grade"] + factors).joined(separator: "\t"))
            for credit in listing.operators {
                print(([credit.operatorId, credit.name, "\(credit.score)", credit.grade.rawValue] + credit.items.map { "\($0.count)" })
                    .joined(separator: "\t"))
            }
        }
    }
}
