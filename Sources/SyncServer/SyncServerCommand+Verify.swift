import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand {
    /// `verify`: checks a store's integrity, every journal's hash chain and the audit chain; exit code 1 on any
    /// failure.
    struct VerifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "检查中心数据库的完整性与各哈希链 / Check the central store's integrity and hash chains.",
            discussion: """
                依次检查：SQLite 完整性、外键、每台设备的日志哈希链（序号连续、与设备表记录的末条哈希一致）、服务器日志哈希链、
                审计日志哈希链。任何一项失败时退出码为 1。服务器运行时也可检查（只读）。
                Checks, in order: SQLite integrity, foreign keys, every device journal's hash chain (contiguous seqs,
                ending at the head the devices table records), the server journal's chain and the audit chain. Exits
                with 1 when any fails. Reads only; safe while the server runs.
                需要该库的数据密钥（TRACESYNC_DATA_KEY、--data-key-file 或库旁的 .key 文件），但从不新建密钥。
                Needs the store's data key (TRACESYNC_DATA_KEY, --data-key-file or the .key file beside it), and never
                makes a new one.
                """
        )

        @Option(help: "中心数据库文件 / central database file")
        var db = "./data/central.sqlite"

        @Option(help: "数据密钥文件（默认为数据库旁的 .key 文件）/ data key file (default: the .key file beside the database)")
        var dataKeyFile: String?

        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            do {
                let checks = try openStore().verifyStore()
                let ok = checks.allSatisfy(\.ok)
                if json {
                    try printJSON(VerifyReport(ok: ok, database: db, checks: checks))
                } else {
                    for check in checks { print(check.lines.joined(separator: "\n")) }
                    print(ok ? "全部通过 / all checks passed" : "检查未通过 / verification failed")
                }
                if !ok { throw ExitCode.failure }
            } catch {
                throw commandFailure(error)
            }
        }

        /// Opens the store with its existing data key. Unlike other commands, a missing key is refused rather than
        /// made: a store just restored from a backup has no key beside it, and a new key would not decrypt it.
        private func openStore() throws -> CentralStore {
            guard FileManager.default.fileExists(atPath: db) else {
                throw TraceSyncError(.databaseMissing, field: "db",
                                     zh: "数据库 \(db) 不存在：请检查 --db。", en: "the database \(db) does not exist: check --db.")
            }
            let keyInEnvironment = !(ProcessInfo.processInfo.environment[DataKey.environmentVariable] ?? "").isEmpty
            guard keyInEnvironment || dataKeyFile != nil || FileManager.default.fileExists(atPath: db + ".key") else {
                throw TraceSyncError(
                    .dataKeyMissing, field: "data-key-file",
                    zh: "找不到 \(db) 的数据密钥：请设置 \(DataKey.environmentVariable)、用 --data-key-file 指定密钥文件，或把另行保管的密钥放回 \(db).key。verify 不会新建密钥。",
                    en: "no data key found for \(db): set \(DataKey.environmentVariable), give --data-key-file, or put the key kept apart back as \(db).key. verify never makes a new key."
                )
            }
            return try CentralStore(path: db, dataKey: DataKey.resolve(databasePath: db, keyFile: dataKeyFile))
        }
    }
}

/// What `verify --json` prints.
private struct VerifyReport: Encodable {
    let ok: Bool
    let database: String
    let checks: [StoreCheck]
}

extension StoreCheck {
    /// The check as printed: a status line, then each finding in both languages.
    fileprivate var lines: [String] {
        let status = ok ? "✓ 通过 / ok    " : "✗ 失败 / failed"
        var lines = ["\(status)  \(kind.title.zh) / \(kind.title.en)（\(checked.zh) / \(checked.en)）"]
        for finding in findings {
            lines.append("    \(finding.message.zh)")
            if finding.message.en != finding.message.zh { lines.append("    \(finding.message.en)") }
        }
        return lines
    }
}
