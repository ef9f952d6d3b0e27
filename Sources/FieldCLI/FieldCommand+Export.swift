import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Export: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        static let configuration = CommandConfiguration(
            abstract: "导出全部批次 / Export every batch: CSV (one row per batch) or JSON (with events)."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "csv | json") var format: Format = .json

        func run() throws {
            try options.withStore { store, output in
                let states = try store.batches().compactMap { try store.batchState(try TraceCode(parsing: $0.code)) }
                switch format {
                case .json:
                    print(try Output.jsonString(try states.map { try BatchView($0, store: store) }))
                case .csv:
                    let header = ["code", "product", "product_name", "operator", "supplier", "origin", "upstream_code",
                                  "time", "unit", "received", "sold", "disposed", "balance", "status", "flags"]
                    print(header.joined(separator: ","))
                    for state in states {
                        let receipt = state.receipt
                        let row = [state.code.digits, receipt.product, store.productName(receipt.product).zh,
                                   receipt.operatorId, receipt.supplier, receipt.origin, receipt.upstreamCode ?? "",
                                   BusinessTime.iso(receipt.time), receipt.unit, state.received.description,
                                   state.sold.description, state.disposed.description, state.balance.description,
                                   state.status.rawValue, state.flags.sorted().map(\.rawValue).joined(separator: ";")]
                        print(row.map(CSVWriter.field).joined(separator: ","))
                    }
                }
            }
        }
    }
}
