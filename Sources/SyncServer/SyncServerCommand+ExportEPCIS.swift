import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Export {
    /// `export epcis`: the EPCIS 2.0 JSON-LD document of a range of business time.
    struct EPCIS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "epcis",
            abstract: "导出 EPCIS 2.0 JSON-LD 文档 / Export an EPCIS 2.0 JSON-LD document.",
            discussion: """
                --from、--to 为日期（含 --to 当天）或 ISO 8601 时间（不含 --to）。已作废的记录带 errorDeclaration。
                --from and --to are days (--to included) or ISO 8601 times (--to excluded). Voided facts carry an errorDeclaration.
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "开始：日期或 ISO 8601 时间 / start: a day or an ISO 8601 time") var from: String
        @Option(help: "结束：日期（含）或 ISO 8601 时间（不含）/ end: a day (included) or an ISO 8601 time (excluded)") var to: String
        @Option(help: "只导出此节点 / only this node, e.g. 46010001") var node: String?
        @OptionGroup var output: ExportOutput

        func validate() throws {
            _ = try query()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                let document = try store.epcisDocument(from: query.from, to: query.to, node: query.node)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try output.write(String(decoding: try encoder.encode(document), as: UTF8.self))
            }
        }

        private func query() throws -> EPCISQuery {
            do {
                return try EPCISQuery(from: from, to: to, node: node)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
