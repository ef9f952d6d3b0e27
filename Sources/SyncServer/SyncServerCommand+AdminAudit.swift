import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin audit`: reads, checks and exports the audit log.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "查看、校验和导出审计日志 / List, verify and export the audit log.",
            subcommands: [List.self, Verify.self, Head.self, Export.self]
        )
    }
}

/// The filters `admin audit list` and `export` share.
struct AuditFilterOptions: ParsableArguments {
    @Option(help: "起始时间（含），如 2026-11-24 或 2026-11-24 05:12 / from this time on") var since: String?
    @Option(help: "截止时间（不含）/ before this time") var until: String?
    @Option(help: "操作者，如 user:alice、device:<id>、cli:root / only this actor") var actor: String?
    @Option(help: "操作，如 auth.login，或前缀 auth / only this action or its sub-actions") var action: String?

    /// The records the filters select, in log order.
    func records(in store: CentralStore) throws -> [AuditRecord] {
        try store.auditRecords(
            since: try since.map { try BusinessTime.parse($0, field: "since") },
            until: try until.map { try BusinessTime.parse($0, field: "until") },
            actor: actor, action: action
        )
    }
}

extension SyncServerCommand.Admin.AuditCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出审计记录 / List audit records.")

        @OptionGroup var options: AdminOptions
        @OptionGroup var filters: AuditFilterOptions
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withStore { store in
                let records = try filters.records(in: store)
                if json { return try printJSON(records) }
                print("序号 seq\t时间 time\t操作者 actor\t操作 action\t对象 target\t结果 outcome\t来源 source\t状态 status")
                for record in records {
                    let event = record.event
                    print([String(record.seq), BusinessTime.display(record.at), event.actor, event.action,
                           event.target ?? "-", event.outcome.rawValue, event.source ?? "-",
                           event.status.map(String.init) ?? "-"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验审计日志的哈希链，指出第一条被改动或缺失的记录 / Check the audit log's hash chain; names the first altered or missing record.",
            discussion: """
                链中每条记录的哈希是以审计密钥（由数据密钥派生）计算的 HMAC，没有密钥的人改动、删除或插入记录后无法重算。
                被截去的末尾只能与库外记录的链头对照发现：--backup-dir 对照最新备份清单中的链头，--head 对照服务器日志中
                audit chain head 一行的 head=… 值（可多次给出）。
                Each record's hash is an HMAC under the audit key (derived from the data key), which no one without the
                key can recompute after editing, deleting or inserting a record. A cut-off tail shows only against a
                head recorded outside the database: --backup-dir checks the one in the latest backup's manifest, --head
                the head=… value of an 'audit chain head' line of the server's log (repeatable).
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "对照此备份目录中最新备份记录的链头 / check against the head the latest backup in this directory recorded")
        var backupDir: String?
        @Option(help: "对照服务器日志记录的链头 SEQ:HASH（可多次给出）/ check against a head SEQ:HASH from the server's log (repeatable)")
        var head: [String] = []

        func run() throws {
            try options.withStore { store in
                var heads = try head.map { try AuditHead(text: $0, field: "head") }
                if let backupDir {
                    let latest = try BackupDirectory(url: URL(fileURLWithPath: backupDir)).latest()
                    guard let latest else {
                        throw TraceSyncError(.noBackups, field: "backup-dir",
                                             zh: "\(backupDir) 中没有完整的备份：请检查 --backup-dir。",
                                             en: "\(backupDir) holds no complete backup: check --backup-dir.")
                    }
                    if let recorded = latest.manifest.coverage.auditHead { heads.append(recorded) } else {
                        print("注意：\(latest.manifest.fileName) 未记录链头（早于此功能）/ note: \(latest.manifest.fileName) records no audit head (taken before heads were recorded)")
                    }
                }
                if let problem = try store.verifyAuditChain(against: heads) {
                    throw TraceSyncError(.auditChainBroken, field: "seq", zh: problem.message.zh, en: problem.message.en)
                }
                let count = try store.auditRecords().count
                print("审计日志完整，共 \(count) 条记录 / the audit log is intact: \(count) records")
                if let last = heads.map(\.seq).max() {
                    print("与记录在案的链头相符，至 #\(last) / it matches the recorded heads, up to #\(last)")
                } else {
                    print("未对照库外记录的链头，截去的末尾无法发现：请给出 --backup-dir 或 --head / not checked against a head recorded outside the database, so a cut-off tail cannot show: give --backup-dir or --head")
                }
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "打印审计链头 SEQ:HASH，供库外记录 / Print the audit chain's head SEQ:HASH, to record outside the database."
        )

        @OptionGroup var options: AdminOptions

        func run() throws {
            try options.withStore { store in
                guard let head = try store.auditHead() else {
                    return print("审计日志尚无记录 / the audit log holds no record yet")
                }
                print(head)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出审计记录到文件（JSON Lines 或 CSV）/ Export audit records to a file (JSON lines or CSV)."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, csv
        }

        @OptionGroup var options: AdminOptions
        @OptionGroup var filters: AuditFilterOptions
        @Option(help: "目标文件（不得已存在）/ the file to write (must not exist)") var to: String
        @Option(help: "格式 / format: jsonl, csv") var format: Format = .jsonl

        func run() throws {
            try options.withStore { store in
                guard !FileManager.default.fileExists(atPath: to) else {
                    throw TraceSyncError(.fileExists, field: "to",
                                         zh: "文件 \(to) 已存在：请换一个文件名，导出不会覆盖文件。",
                                         en: "the file \(to) exists: choose another name; an export never overwrites a file.")
                }
                let records = try filters.records(in: store)
                let lines = switch format {
                case .jsonl: try records.map { try $0.jsonLine() }
                case .csv: [AuditRecord.csvHeader] + records.map(\.csvRow)
                }
                let text = lines.map { $0 + "\n" }.joined()
                guard FileManager.default.createFile(atPath: to, contents: Data(text.utf8)) else {
                    throw TraceSyncError(.fileUnwritable, field: "to",
                                         zh: "无法写入 \(to)：请检查目录和权限。",
                                         en: "cannot write \(to): check the directory and its permissions.")
                }
                try store.audit(AuditEvent(actor: CommandAudit.actor, action: "audit.export", target: to,
                                           outcome: .success, source: "cli", detail: "\(records.count) records"))
                print("已导出 \(records.count) 条审计记录到 \(to) / exported \(records.count) audit records to \(to)")
            }
        }
    }
}
