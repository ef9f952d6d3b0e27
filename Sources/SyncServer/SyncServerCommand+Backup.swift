import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand {
    /// `backup --to DIR`: a consistent backup of the store while the server keeps running; `backup --verify DIR`
    /// checks the backups already taken.
    struct BackupCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "备份中心数据库，或检查已有备份 / Back up the central store, or check the backups taken.",
            discussion: """
                服务器运行时也可备份：在一个读事务内用 SQLite 在线备份复制出一致的快照。目录中第一个备份为完整备份，
                之后的为增量备份（只存与上一个备份相比改变了的页，并用哈希链接到上一个备份）；--full 另起一个完整备份。
                备份不包含数据密钥，密钥须另行保管。
                Safe while the server runs: SQLite's online backup copies a consistent snapshot inside one read
                transaction. The first backup in a directory is full; later ones are incremental (only the pages that
                changed since the previous backup, hash-linked to it); --full starts a new full backup.
                Backups never hold the data key: keep it apart.
                """
        )

        @Option(help: "中心数据库文件 / central database file")
        var db = "./data/central.sqlite"

        @Option(help: "备份目录（不存在则创建）/ directory to write the backup to (created if missing)")
        var to: String?

        @Flag(help: "做完整备份，而非增量 / take a full backup instead of an incremental")
        var full = false

        @Option(help: "检查此目录中的每个备份：清单、数据文件与备份链 / check every backup in this directory: manifests, data files and chain")
        var verify: String?

        @Flag(help: "以 JSON 输出 / print JSON for scripts")
        var json = false

        func validate() throws {
            guard (to == nil) != (verify == nil) else {
                throw ValidationError("请给出 --to DIR（备份）或 --verify DIR（检查）之一 / give one of --to DIR (back up) or --verify DIR (check)")
            }
            guard !(full && verify != nil) else {
                throw ValidationError("--full 只能与 --to 一起使用 / --full goes with --to only")
            }
        }

        func run() throws {
            do {
                if let to { try backUp(into: URL(fileURLWithPath: to)) }
                if let verify { try check(URL(fileURLWithPath: verify)) }
            } catch {
                throw commandFailure(error)
            }
        }

        private func backUp(into directory: URL) throws {
            let manifest = try Backup.take(of: db, into: directory, full: full)
            if json { return try printJSON(BackupSummary(manifest, directory: directory)) }
            let kind = manifest.kind == .full ? "完整 / full" : "增量 / incremental"
            print("已备份 / backed up: \(directory.appendingPathComponent(manifest.fileName).path)")
            print("  类型 / kind: \(kind)；时间 / taken at: \(BusinessTime.display(manifest.takenAt)) UTC+8")
            print("  存储页 / pages stored: \(manifest.storedPageCount) / \(manifest.pageCount)（每页 / of \(manifest.pageSize) B）")
            print("  覆盖 / covers: \(manifest.coverage.devices.count) 台设备 / devices，服务器日志至 / server log to #\(manifest.coverage.serverLogSeq)")
            if let head = manifest.coverage.auditHead { print("  审计链头 / audit chain head: \(head)") }
        }

        private func check(_ directory: URL) throws {
            let findings = try BackupDirectory(url: directory).verify()
            guard !findings.isEmpty else {
                throw TraceSyncError(.noBackups, field: "verify",
                                     zh: "\(directory.path) 中没有完整的备份：请检查目录。",
                                     en: "\(directory.path) holds no complete backup: check the directory.")
            }
            if json {
                try printJSON(findings.map(BackupCheckLine.init))
            } else {
                for finding in findings {
                    let time = finding.takenAt.map { BusinessTime.display($0) + " UTC+8" } ?? "?"
                    if let problem = finding.problem {
                        print("✗ 失败 / failed  \(finding.name)  \(time)\n    \(problem.message.zh)\n    \(problem.message.en)")
                    } else {
                        print("✓ 通过 / ok      \(finding.name)  \(time)")
                    }
                }
            }
            if findings.contains(where: { $0.problem != nil }) { throw ExitCode.failure }
        }
    }
}

/// One backup as `backup --json` prints it.
private struct BackupSummary: Encodable {
    let manifest: String
    let kind: String
    let takenAt: String
    let pagesStored: Int
    let pageCount: Int
    let previous: String?
    let coverage: BackupManifest.Coverage

    init(_ manifest: BackupManifest, directory: URL) {
        self.manifest = directory.appendingPathComponent(manifest.fileName).path
        kind = manifest.kind.rawValue
        takenAt = manifest.takenAtText
        pagesStored = manifest.storedPageCount
        pageCount = manifest.pageCount
        previous = manifest.previous?.manifest
        coverage = manifest.coverage
    }
}

/// One backup's finding as `backup --verify --json` prints it.
private struct BackupCheckLine: Encodable {
    let manifest: String
    let takenAt: String?
    let ok: Bool
    let code: String?
    let message: LocalizedText?

    init(_ finding: BackupDirectory.Finding) {
        manifest = finding.name
        takenAt = finding.takenAt.map(BusinessTime.iso)
        ok = finding.problem == nil
        code = finding.problem?.code.rawValue
        message = finding.problem?.message
    }
}
