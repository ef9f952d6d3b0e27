import ArgumentParser
import SyncCore

extension FieldCommand {
    struct VoidEvent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "作废一条记录（不会删除）/ Void a record (it is never deleted)."
        )

        @OptionGroup var options: GlobalOptions

        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("记录编号或追溯码 / event id or trace code", valueName: "event")) var eventWords: [String]
        @Option(help: "作废原因 / reason") var reason: String
        @Option(help: "时间，默认现在 / time (default now)") var time: String?

        func run() throws {
            try options.withStore { store, output in
                let event = try PastedCode.text(eventWords, field: "event")
                let id = try store.void(eventId: event, reason: reason, time: time)
                let (state, _) = try store.resolveEvent(id)
                try output.emit(["eventId": id, "status": state.status.rawValue]) {
                    let voided = output.text("已作废，作废记录编号 \(id)", "voided; the voiding's id is \(id)")
                    guard state.status == .held else { return voided }
                    return voided + "\n" + output.text(
                        "批次 \(state.code.grouped) 仍处于食品安全扣留：需复检合格后由管理员解除。",
                        "batch \(state.code.grouped) stays under its food-safety hold until an admin releases it after a passing re-test."
                    )
                }
            }
        }
    }
}
