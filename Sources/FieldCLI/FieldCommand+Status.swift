import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设备状态：待同步记录、日志头哈希、被拒收的记录 / Pending entries, journal head, rejected entries."
        )

        @OptionGroup var options: GlobalOptions

        func run() throws {
            try options.withStore { store, output in
                let status = try store.status()
                try output.emit(status) {
                    var lines = [
                        output.text("设备 ", "device ") + status.identity.deviceId
                            + output.text("（节点 \(status.identity.node)，序号 \(status.identity.deviceNumber)，检测员 \(status.identity.inspector)）",
                                          " (node \(status.identity.node), number \(status.identity.deviceNumber), inspector \(status.identity.inspector))"),
                        output.text("日志条数：", "journal entries: ") + String(status.journalEntries),
                        output.text("头哈希：", "head hash: ") + status.headHash,
                        output.text("待同步：\(status.pending) 条", "pending sync: \(status.pending) entries"),
                        output.text("服务器：", "server: ") + (status.server ?? output.text("未注册（field enroll）", "not enrolled (field enroll)")),
                        output.text("上次同步成功：", "last successful sync: ")
                            + (status.lastSyncAt.map(BusinessTime.display) ?? output.text("从未", "never")),
                    ]
                    lines.append(output.text("本市场待处理冲突：\(status.openConflicts) 个",
                                             "open conflicts in this market: \(status.openConflicts)"))
                    for conflict in status.conflicts {
                        lines.append("  " + (conflict.batchCode.map { "\($0) " } ?? "") + output.describe(conflict))
                    }
                    for rejected in status.rejected {
                        lines.append(output.text("被拒收 #\(rejected.seq) \(rejected.kind.label.zh)：", "rejected #\(rejected.seq) \(rejected.kind.label.en): ")
                                     + output.text(rejected.reason))
                    }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}
