import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand {
    /// `restore --from DIR [--until TIME] --to NEW_DB`: rebuilds a new store from a backup chain.
    struct RestoreCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "从备份恢复到一个新的数据库文件 / Rebuild a new store from backups.",
            discussion: """
                取 --until 时间点或之前的最后一个备份，从其完整备份起依次应用增量备份，逐一核对清单哈希、备份链与数据文件，
                最后逐页核对重建结果。不会覆盖已有文件。恢复后请运行 sync-server verify --db NEW_DB，并为新库提供数据密钥
                （环境变量 TRACESYNC_DATA_KEY 或另行保管的密钥文件），备份中不含密钥。
                Takes the last backup at or before --until, applies its full backup and then each incremental in order,
                checking every manifest hash, the chain and each data file, then the rebuilt file page by page. Never
                overwrites a file. Afterwards run sync-server verify --db NEW_DB, and give the new store its data key
                (env TRACESYNC_DATA_KEY or the key file kept apart): backups never hold it.
                """
        )

        @Option(help: "备份目录 / backup directory")
        var from: String

        @Option(help: "恢复到此时间点或之前的最后一个备份，如 2026-11-25T14:00（UTC+8）或 2026-11-25T14:00:00+08:00 / restore the last backup taken at or before this time, e.g. 2026-11-25T14:00 (UTC+8) or ISO 8601 with an offset")
        var until: String?

        @Option(help: "要新建的数据库文件（不能已存在）/ the new database file to write (must not exist)")
        var to: String

        @Flag(help: "以 JSON 输出 / print JSON for scripts")
        var json = false

        func validate() throws {
            do {
                _ = try untilMillis()
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }

        func run() throws {
            do {
                let outcome = try Restore.run(from: URL(fileURLWithPath: from), until: try untilMillis(), to: to)
                let integrity = try Database(path: to, create: false).query("PRAGMA integrity_check")
                    .compactMap { $0.string("integrity_check") }.joined(separator: "\n")
                try report(outcome, integrity: integrity)
                guard integrity == "ok" else { throw ExitCode.failure }
            } catch {
                throw commandFailure(error)
            }
        }

        private func untilMillis() throws -> Int64? {
            try until.map { try BusinessTime.parse($0, field: "until") }
        }

        private func report(_ outcome: Restore.Outcome, integrity: String) throws {
            let target = outcome.chain[outcome.chain.count - 1]
            if json {
                return try printJSON(RestoreSummary(
                    database: outcome.path, backups: outcome.chain.map(\.fileName), takenAt: target.takenAtText,
                    integrity: integrity, coverage: target.coverage, generation: outcome.generation
                ))
            }
            print("已恢复 / restored: \(outcome.path)")
            print("  时间点 / as of: \(BusinessTime.display(target.takenAt)) UTC+8（\(target.fileName)）")
            print("  应用的备份 / backups applied: \(outcome.chain.map(\.fileName).joined(separator: " → "))")
            print("  完整性检查 / integrity check: \(integrity)")
            if let generation = outcome.generation {
                print("  新的存储代号 / new store generation: \(generation)（设备据此重新下载，并从本库确认的位置重新上传 / devices pull again and push again from what this store acknowledged）")
            }
            print("下一步 / next: sync-server verify --db \(outcome.path)")
            print("  数据密钥不在备份中：启动前设置 TRACESYNC_DATA_KEY，或放回另行保管的密钥文件。")
            print("  The data key is not in the backup: set TRACESYNC_DATA_KEY, or put back the key file kept apart, before starting.")
        }
    }
}

/// A restore as `restore --json` prints it.
private struct RestoreSummary: Encodable {
    let database: String
    let backups: [String]
    let takenAt: String
    let integrity: String
    let coverage: BackupManifest.Coverage
    let generation: String?
}
