import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记检测结果；不合格则扣留批次 / Record a test; a failed test holds the batch."
        )

        @OptionGroup var options: GlobalOptions

        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("批次追溯码 / the batch's trace code", valueName: "code")) var codeWords: [String]
        @Option(help: "检测项目，如 农药残留、瘦肉精 / test item") var item: String
        @Option(help: "检测方法 / method") var method: String?
        @Option(help: "检测值 / measured value") var value: String?
        @Option(help: "结果 pass（合格）或 fail（不合格）/ result") var result: String
        @Option(help: "检测时间，默认现在 / time (default now)") var time: String?
        @Flag(help: "批次的进场登记在本市场另一台设备上、尚未同步到本机 / the batch was received on another device of this market and has not synced here yet")
        var batchNotSynced = false

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                let id = try store.inspect(
                    code: code, item: item, method: method, value: value, result: result, time: time,
                    batchNotSynced: batchNotSynced
                )
                guard let state = try? store.requireBatch(code) else {
                    return try output.emit(["eventId": id, "status": "not_synced"]) {
                        output.text("已登记检测（\(id)），批次尚未同步到本机，同步后生效。",
                                    "inspection recorded (\(id)); the batch has not synced here yet and counts once it does.")
                    }
                }
                try output.emit(["eventId": id, "status": state.status.rawValue]) {
                    output.text("已登记检测（\(id)），批次状态：", "inspection recorded (\(id)), batch status: ")
                        + output.text(state.status.label)
                }
            }
        }
    }
}
