import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Dispose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记销毁/无害化处理 / Record a disposal."
        )

        @OptionGroup var options: GlobalOptions

        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("批次追溯码 / the batch's trace code", valueName: "code")) var codeWords: [String]
        /// Taken as is even when it starts with "-", so `--quantity -3` gets the quantity check's message.
        @Option(parsing: .unconditional, help: "数量，默认全部余量 / quantity (default: the whole balance)") var quantity: String?
        @Option(help: "原因 / reason") var reason: String
        @Option(help: "见证人 / witness") var witness: String?
        @Option(help: "时间，默认现在 / time (default now)") var time: String?

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                let id = try store.dispose(code: code, quantity: quantity, reason: reason, witness: witness, time: time)
                let state = try store.requireBatch(code)
                try output.emit(["eventId": id, "status": state.status.rawValue, "balance": state.balance.description]) {
                    output.text("已登记销毁（\(id)），余量 \(state.balance) \(state.receipt.unit)",
                                "disposal recorded (\(id)), balance \(state.balance) \(state.receipt.unit)")
                }
            }
        }
    }
}
