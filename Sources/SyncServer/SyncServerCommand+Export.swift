import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand {
    /// `export`: the data exchange with the provincial platform and regulators, read from the store directly.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出 EPCIS、数据交换流水和监管 CSV / Export EPCIS, the exchange feed and regulators' CSV.",
            discussion: """
                直接读取中心数据库，服务器运行时也可使用。
                Reads the central database directly, also while the server runs.
                """,
            subcommands: [EPCIS.self, Feed.self, CSV.self]
        )
    }
}

/// Where an export goes: the file `--out` names, or standard output.
struct ExportOutput: ParsableArguments {
    @Option(help: "写入此文件，默认标准输出 / write to this file (default: standard output)") var out: String?

    /// Writes `text` to the file (replacing it) or prints it; says on standard error where a file went.
    func write(_ text: String) throws {
        guard let out else { return print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw TraceSyncError(.writeFailed, field: "out",
                                 zh: "无法写入 \(out)：请检查目录是否存在、是否有写权限。",
                                 en: "cannot write \(out): check that the directory exists and is writable.")
        }
        FileHandle.standardError.write(Data("已写入 / written: \(out)\n".utf8))
    }
}
