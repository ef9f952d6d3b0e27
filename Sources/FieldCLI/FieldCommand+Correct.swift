import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "更正一条记录的字段 / Correct named fields of a record.",
            discussion: """
                目标为追溯码（批次的进场登记或交易）或记录编号。 The target is a trace code (a batch's receipt or a sale) or an event id.
                进场 receipt: product quantity unit operator supplier origin upstream_code quarantine_cert meat_quality_cert origin_cert vehicle_plate
                检测 inspection: item method value result · 交易 sale: quantity price buyer · 销毁 disposal: quantity reason witness
                """
        )

        @OptionGroup var options: GlobalOptions

        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("追溯码或记录编号 / trace code or event id", valueName: "target")) var targetWords: [String]

        @Option(name: .customLong("set"), help: "字段=新值，可重复 / FIELD=VALUE, repeatable")
        var assignments: [String] = []

        @Option(help: "更正时间，默认现在 / time (default now)") var time: String?

        func validate() throws {
            for assignment in assignments where !assignment.contains("=") {
                throw ValidationError("--set 需要 字段=新值 的形式 / --set takes FIELD=VALUE, got \"\(assignment)\"")
            }
        }

        func run() throws {
            var fields: [String: String] = [:]
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                fields[String(parts[0])] = String(parts[1])
            }
            try options.withStore { store, output in
                let target = try PastedCode.text(targetWords, field: "target")
                let id = try store.correct(target: target, fields: fields, time: time)
                try output.emit(["eventId": id]) {
                    output.text("已登记更正（\(id)）", "correction recorded (\(id))")
                }
            }
        }
    }
}
