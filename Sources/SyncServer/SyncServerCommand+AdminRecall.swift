import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin recall CODE`: every sale downstream of a batch, for a recall, with the totals sold, disposed and on hand.
    struct Recall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "召回清单：批次下游的全部交易及合计 / Recall list: every sale downstream of a batch, with totals.",
            discussion: """
                CODE 可以是批次追溯码、买方追溯码或供货方的上游追溯码。
                CODE may be a batch's trace code, a buyer's child code or a supplier's upstream code.
                """
        )

        /// The ways the list can be printed.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json
        }

        @OptionGroup var options: AdminOptions
        @Argument(help: "追溯码 / trace code") var code: String
        @Option(help: "输出格式 / output: table, csv, json") var format: Format = .table

        func run() throws {
            try options.withAuditedStore(action: "recall.report", target: code) { store in
                let report = try store.recall(code)
                switch format {
                case .json: try printJSON(report)
                case .csv: print(report.csvText, terminator: "")
                case .table: print(report.tableLines.joined(separator: "\n"))
                }
            }
        }
    }
}
