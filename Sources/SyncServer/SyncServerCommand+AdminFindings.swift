import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin findings`: the supervision checks' follow-up queue.
    struct FindingsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "findings",
            abstract: "数据核查发现及跟进 / Supervision findings and their follow-up.",
            discussion: """
                核查在合并后的数据上运行：批次与经营户每日的进销平衡、检疫证明超量或超期使用、进场量异常（z 分数、修正 z 分数、最小–最大值）、售罄过快、检测合格率长期 100%、异常时段录入、设备时钟偏快。服务器每 5 分钟为有新推送的节点运行一次；每条发现只记录一次。说明与阈值见 README「数据核查」。
                The checks run over merged data: mass balance per batch and per operator and day, certificates beyond their quantity or validity, receipt quantities unlike the operator's history (z-score, modified z-score, min–max), batches sold out implausibly fast, a 100% pass rate over implausibly many tests, entries at odd hours for the node, device clocks running ahead. The server runs them every 5 minutes for the nodes pushed to; each finding is stored once. The README's "Supervision checks" section explains each and its thresholds.
                """,
            subcommands: [List.self, Run.self, FollowUp.self, Settings.self]
        )
    }
}

extension SyncServerCommand.Admin.FindingsCommand {
    /// `admin findings list`: the findings, the most severe first.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出核查发现 / List findings.")

        @OptionGroup var options: AdminOptions
        @Option(help: "只列出此节点 / only this node, e.g. 46010001") var node: String?
        @Option(help: "只列出此项核查 / only this check, e.g. batch_balance") var check: String?
        @Option(help: "严重程度 / severity: high, warning, info") var severity: String?
        @Option(help: "跟进状态 / status: open, followed_up, dismissed, opened_as_conflict") var status: String?
        @Flag(help: "以 CSV 输出（同 /v1/export/findings.csv）/ print CSV, as /v1/export/findings.csv") var csv = false
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withStore { store in
                let filter = try FindingFilter(node: node, check: check, severity: severity, status: status)
                if let node = filter.node { _ = try store.node(node) }
                let findings = try store.findings(filter)
                if csv { return print(FindingRecord.csv(findings), terminator: "") }
                if json { return try printJSON(findings) }
                guard !findings.isEmpty else { return print("没有核查发现 / no findings") }
                print("编号 id\t节点 node\t核查 check\t严重 severity\t状态 status\t日期 day\t说明 summary")
                for record in findings {
                    let finding = record.finding
                    print("\(record.id)\t\(finding.node)\t\(finding.check)\t\(finding.severity.rawValue)\t\(record.status.rawValue)\t"
                        + "\(finding.day)\t\(finding.summary.zh) / \(finding.summary.en)")
                    print("\t" + finding.evidence.map { "\($0.label.zh) \($0.label.en): \($0.value)" }.joined(separator: "; "))
                }
            }
        }
    }

    /// `admin findings run`: runs every enabled check over the whole store now.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "立即对全部数据运行核查 / Run the checks over all data now.",
            discussion: """
                已记录的发现不会重复记录。--node 只核查这些节点最近 7 天的数据。
                Findings already stored are not stored again. --node checks only those nodes' last 7 days.
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "只核查这些节点（可重复）/ only these nodes (repeatable)") var node: [String] = []
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withAuditedStore(action: "findings.run", target: node.isEmpty ? nil : node.joined(separator: ",")) { store in
                for code in node { _ = try store.node(code) }
                let run = node.isEmpty ? try store.runAllChecks() : try store.runChecks(touching: Set(node))
                if json { return try printJSON(run) }
                print("已核查 checked \(run.batches) 个批次 batches：发现 found \(run.found)，新增 new \(run.added)")
            }
        }
    }

    /// `admin findings follow-up ID --status … --note …`.
    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "记录跟进结果 / Record a follow-up.",
            discussion: """
                状态：followed_up 已跟进、dismissed 已排除（说明原因）、opened_as_conflict 已转为冲突（--conflict 给出冲突编号，只记录关联，不新开冲突）、open 重新待跟进。必须写明说明（--note）。
                Status: followed_up, dismissed (say why), opened_as_conflict (--conflict names the conflict; the link is recorded, no conflict is opened), open (back to the queue). --note is required.
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "发现编号 / the finding's id") var id: Int64
        @Option(help: "跟进状态 / status") var status: String
        @Option(help: "说明（必填）/ note (required)") var note: String
        @Option(help: "关联的冲突编号 / the conflict's id, with opened_as_conflict") var conflict: Int64?
        @Option(help: "处理人 / who decides") var author = "admin-cli"
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("处理人不能为空 / --author must not be empty")
            }
        }

        func run() throws {
            try options.withAuditedStore(action: "finding.follow_up", target: String(id)) { store in
                let decision = FindingFollowUp(status: try FindingStatus.parse(status), note: note, conflictId: conflict)
                let record = try store.followUp(id, decision, author: author)
                if json { return try printJSON(record) }
                print("已记录 / recorded: 发现 finding \(record.id) → \(record.status.label.zh) / \(record.status.label.en)")
            }
        }
    }

    /// `admin findings settings [--set NAME=VALUE …]`: the checks' thresholds.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "查看或调整核查阈值 / Show or tune the checks' thresholds.",
            discussion: """
                不带 --set 时列出每项设置的当前值和默认值。例：--set quantity_outlier.z=4 --set odd_hours.enabled=0
                Without --set, lists every setting with its value and default. E.g. --set quantity_outlier.z=4 --set odd_hours.enabled=0
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "设置 NAME=VALUE（可重复）/ set NAME=VALUE (repeatable)") var set: [String] = []

        func validate() throws {
            for pair in set where pair.split(separator: "=").count != 2 || Double(pair.split(separator: "=").last ?? "") == nil {
                throw ValidationError("设置应写成 NAME=数字 / write each setting as NAME=NUMBER: \(pair)")
            }
        }

        func run() throws {
            let changes = set.map { $0.split(separator: "=").map(String.init) }
            let run = { (store: CentralStore) throws in
                for change in changes { try store.setSupervisionSetting(change[0], to: Double(change[1])!) }
                let settings = try store.supervisionSettings()
                print("设置 setting\t当前 value\t默认 default\t含义 meaning")
                for setting in SupervisionSettings.known {
                    print("\(setting.name)\t\(settings.value(of: setting))\t\(setting.defaultValue)\t\(setting.meaning.zh) / \(setting.meaning.en)")
                }
            }
            if changes.isEmpty { return try options.withStore(run) }
            try options.withAuditedStore(action: "findings.settings", target: set.joined(separator: ","), run)
        }
    }
}
