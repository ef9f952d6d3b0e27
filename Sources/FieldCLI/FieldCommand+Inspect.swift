import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记检测结果；不合格则扣留批次 / Record a test; a failed test holds the batch."
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: "批次追溯码 / the batch's trace code") var code: String
        @Option(help: "检测项目，如 农药残留、瘦肉精 / test item") var item: String
        @Option(help: "检测方法 / method") var method: String?
        @Option(help: "检测值 / measured value") var value: String?
        @Option(help: "结果 pass（合格）或 fail（不合格）/ result") var result: String
        @Option(help: "检测时间，默认现在 / time (default now)") var time: String?

        func run() throws {
            try options.withStore { store, output in
                let id = try store.inspect(code: code, item: item, method: method, value: value, result: result, time: time)
                let state = try store.requireBatch(code)
                try output.emit(["eventId": id, "status": state.status.rawValue]) {
                    output.text("已登记检测（\(id)），批次状态：", "inspection recorded (\(id)), batch status: ")
                        + output.text(state.status.label)
                }
            }
        }
    }
}
