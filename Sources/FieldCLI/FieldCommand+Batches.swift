import ArgumentParser
import SyncCore


extension FieldCommand {
    struct Batches: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出批次 / List batches.",
            discussion: "状态 / status: open held closed disposed voided"
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "按状态筛选 / filter by status") var status: BatchStatus?
        @Option(help: "按进场日期筛选，如 2026-11-24 / filter by day") var date: String?

        func run() throws {
            try options.withStore { store, output in
                let day = try date.map { try BusinessTime.day($0) }
                let batches = try store.batches(status: status, day: day)
                let flagged = Set(try store.conflicts(status: .open).compactMap(\.batchCode))
                try output.emit(batches) {
                    guard !batches.isEmpty else { return output.text("没有符合条件的批次。", "no batches match.") }
                    let header = output.text("追溯码\t产品\t进场时间\t进场量\t余量\t状态",
                                             "trace code\tproduct\treceived at\treceived\tbalance\tstatus")
                    return ([header] + batches.map { batch in
                        [batch.code, output.text(store.productName(batch.product)), BusinessTime.display(batch.time),
                         batch.received, batch.balance,
                         output.text(batch.status.label) + batch.flags.map { " ⚠" + output.text($0.label) }.joined()
                            + (flagged.contains(batch.code) ? output.text(" ⚑有待处理冲突", " ⚑open conflict") : "")]
                            .joined(separator: "\t")
                    }).joined(separator: "\n")
                }
            }
        }
    }
}
