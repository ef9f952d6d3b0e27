import ArgumentParser
import Foundation
import SyncCore

extension FieldCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导入称重系统导出的进场记录（CSV）/ Import receipts from a weighing-system CSV export.",
            discussion: """
                列 / columns: \(ReceiptImportColumns.names.joined(separator: ","))
                先校验全部行；任何一行有误则不导入（除非 --skip-invalid）。已导入过的行（内容相同）算作有误，除非 --allow-duplicates。
                Every row is checked first; nothing is imported if any row is bad, unless --skip-invalid.
                A row imported before (same content) counts as bad, unless --allow-duplicates.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "CSV 文件 / the CSV file") var file: String
        @Flag(help: "跳过有误的行，导入其余行 / import the good rows and report the rest") var skipInvalid = false
        @Flag(help: "已导入过的行也再次导入（确为另一批货时）/ import rows imported before again (really other deliveries)")
        var allowDuplicates = false

        func run() throws {
            try options.withStore { store, output in
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw TraceSyncError(.fileUnreadable, field: "file", zh: "无法读取文件 \(file)。",
                                         en: "cannot read the file \(file).")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw TraceSyncError(.fileEncoding, field: "file",
                                         zh: "文件 \(file) 不是 UTF-8 编码：请在称重系统中以 UTF-8 导出。",
                                         en: "the file \(file) is not UTF-8: export it as UTF-8 from the weighing system.")
                }
                let bar = ProgressBar(enabled: !options.json)
                let report = try store.importReceipts(csv: text, skipInvalid: skipInvalid, allowDuplicates: allowDuplicates) { done, total in
                    bar.show(done, of: total)
                }
                bar.finish()
                let refused = !report.problems.isEmpty && !skipInvalid
                if refused && !options.json {
                    // A refused import is a refusal like any other: its bad lines go to standard error.
                    FileHandle.standardError.write(Data((summary(report, output: output) + "\n").utf8))
                    throw ExitCode.failure
                }
                try output.emit(report) { summary(report, output: output) }
                if refused { throw ExitCode.failure }
            }
        }

        private func summary(_ report: ImportReport, output: Output) -> String {
            var lines = report.problems.map {
                output.text("第 \($0.line) 行：", "line \($0.line): ") + output.text($0.message)
            }
            let repeated = report.problems.filter { $0.code == "already_imported" }.count
            if report.imported.isEmpty && repeated == report.rows && repeated > 0 {
                lines.append(output.text(
                    "这 \(repeated) 行都已导入过，未重复导入。如确为另一批货，请加 --allow-duplicates。",
                    "all \(repeated) rows were imported before: nothing was imported again. If they really are other deliveries, add --allow-duplicates."
                ))
            } else if report.imported.isEmpty && !report.problems.isEmpty {
                lines.append(output.text(
                    "有 \(report.problems.count) 行有误，未导入任何记录。改正后重试，或用 --skip-invalid 只导入正确的行。",
                    "\(report.problems.count) bad rows: nothing was imported. Fix them and retry, or use --skip-invalid to import the good rows."
                ))
            } else {
                lines.append(output.text(
                    "已导入 \(report.imported.count) / \(report.rows) 行" + (report.problems.isEmpty ? "。" : "，跳过 \(report.problems.count) 行有误的记录。"),
                    "imported \(report.imported.count) of \(report.rows) rows" + (report.problems.isEmpty ? "." : "; skipped \(report.problems.count) bad rows.")
                ))
            }
            return lines.joined(separator: "\n")
        }
    }
}
