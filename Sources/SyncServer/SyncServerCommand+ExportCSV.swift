import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Export {
    /// `export csv`: batches, inspections or sales of a range of business days, as CSV for regulators.
    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "导出监管 CSV：批次、检测或交易 / Export regulators' CSV: batches, inspections or sales.",
            discussion: """
                交易不含价格和买方姓名，只有登记买方的经营户编号。
                Sales carry no prices and no buyers' names, only registered buyers' operator ids.
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "类型 / kind: batches, inspections, sales") var kind: String
        @Option(help: "开始日期 / first day, YYYY-MM-DD") var from: String
        @Option(help: "结束日期（含）/ last day (included), YYYY-MM-DD") var to: String
        @Option(help: "只导出此节点 / only this node, e.g. 46010001") var node: String?
        @Option(help: "只导出此行业产品的批次 / only the batches of this industry's products, e.g. drug, farm_input (an unknown one lists them)")
        var industry: String?
        @OptionGroup var output: ExportOutput

        func validate() throws {
            _ = try query()
            _ = try regulatorCSV()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                if let node = query.node { _ = try store.node(node) }
                try output.write(try store.csv(try regulatorCSV(), from: query.from, to: query.to, node: query.node,
                                               industry: query.industry))
            }
        }

        private func regulatorCSV() throws -> RegulatorCSV {
            do {
                return try ExportController.kind(kind)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }

        private func query() throws -> DayRangeQuery {
            do {
                return try DayRangeQuery(from: from, to: to, node: node, industry: industry)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
