import ArgumentParser
import Foundation
import SyncCore

extension SyncServerCommand.Admin {
    /// `admin audit`: reads, checks and exports the audit log.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "查看、校验和导出审计日志 / List, verify and export the audit log.",
            subcommands: [List.self, Verify.self, Export.self]
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
            abstract: "校验审计日志的哈希链，指出第一条被改动或缺失的记录 / Check the audit log's hash chain; names the first altered or missing record."
        )

        @OptionGroup var options: AdminOptions

        func run() throws {
            try options.withStore { store in
                if let problem = try store.verifyAuditChain() {
                    throw TraceSyncError("audit_chain_broken", field: "seq", zh: problem.message.zh, en: problem.message.en)
                }
                let count = try store.auditRecords().count
                print("审计日志完整，共 \(count) 条记录 / the audit log is intact: \(count) records")
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
                    throw TraceSyncError("file_exists", field: "to",
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
                    throw TraceSyncError("file_unwritable", field: "to",
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
