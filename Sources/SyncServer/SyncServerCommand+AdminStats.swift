import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin stats`: supervision counts per node and business day.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "监管统计：每个节点每天每个行业的进场、检测、交易 / Supervision counts per node, day and industry."
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "开始日期，默认今天 / first day, YYYY-MM-DD (default: today, UTC+8)") var from: String?
        @Option(help: "结束日期（含），默认同开始日期 / last day (included), YYYY-MM-DD (default: the first day)") var to: String?
        @Option(help: "只统计此节点 / only this node, e.g. 46010001") var node: String?
        @Option(help: "只统计此行业产品的批次 / only the batches of this industry's products, e.g. drug, farm_input (an unknown one lists them)")
        var industry: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            _ = try query()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                if let node = query.node { _ = try store.node(node) }
                let stats = try store.stats(from: query.from, to: query.to, node: query.node, industry: query.industry)
                if json { return try printJSON(stats) }
                print(stats.tableLines.joined(separator: "\n"))
            }
        }

        private func query() throws -> DayRangeQuery {
            do {
                let first = from ?? BusinessTime.dayOf(BusinessTime.now())
                return try DayRangeQuery(from: first, to: to ?? first, node: node, industry: industry)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
