import SyncCore
import CentralCore
import CentralSQLite

/// How `sync-server admin stats` shows the counts to people.
extension SupervisionStats {
    /// One line per node, day and industry, then open conflicts and devices that have not synced for a day.
    var tableLines: [String] {
        var lines = ["节点 node\t日期 day\t行业 industry\t进场 receipts\t检测 tests\t合格 passed\t合格率 pass rate\t交易 sales"]
        for day in days {
            let rate = day.inspections == 0 ? "-" : "\(Int((day.passRate * 100).rounded()))%"
            lines.append("\(day.node)\t\(day.day)\t\(day.industry)\t\(day.receipts)\t\(day.inspections)\t\(day.inspectionsPassed)\t\(rate)\t\(day.sales)")
        }
        if days.isEmpty { lines.append("这段时间没有记录 / no records in these days") }
        let open = openConflicts.keys.sorted().map { "\($0): \(openConflicts[$0]!)" }
        lines.append("待处理冲突 open conflicts: \(open.isEmpty ? "0" : open.joined(separator: ", "))")
        lines.append("超过一天未同步的设备 devices quiet for over a day: \(quietDevices.count)")
        for device in quietDevices {
            lines.append("  \(device.id)\t\(device.node)\t\(device.name)\t\(device.lastSeenAt.map(BusinessTime.display) ?? "-")")
        }
        return lines
    }
}
