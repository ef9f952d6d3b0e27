import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "查看批次：记录、余量和状态 / Show a batch: its events, balance and status."
        )

        @OptionGroup var options: GlobalOptions
        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("追溯码（批次或交易子码）/ trace code (batch or child)", valueName: "code")) var codeWords: [String]

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                let state = try store.requireBatch(code)
                try output.emit(try BatchView(state, store: store)) { output.describe(state, store: store) }
            }
        }
    }
}
