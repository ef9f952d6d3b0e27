import SyncCore
import CentralCore
import CentralSQLite

/// How `sync-server admin conflicts` shows a conflict to people: a table row, or every detail.
extension ConflictRecord {
    /// The header of the `list` table.
    static let tableHeader = "编号 id\t类型 kind\t节点 node\t批次 batch\t状态 status\t候选 candidates\t开启 opened at"

    /// The conflict as one row of the `list` table.
    var tableRow: String {
        "\(id)\t\(kind.label.zh) / \(kind.label.en)\t\(node)\t\(batchCode ?? "-")\t\(status.display)\t\(candidates.count)\t\(BusinessTime.display(openedAt))"
    }

    /// Every detail: the subject, each candidate with its device, seq, inspector, HLC, device time and value, and
    /// the resolution if there is one. Times are in UTC+8.
    var detailLines: [String] {
        var lines = [
            "冲突 conflict \(id)：\(kind.label.zh) / \(kind.label.en)（\(kind.rawValue)）",
            "状态 status: \(status.display)",
            "节点 node: \(node)",
            "批次 batch: \(batchCode ?? "-")",
        ]
        if let target { lines.append("对象 target: \(target)") }
        if let field { lines.append("字段 field: \(field)") }
        lines.append("开启于 opened at: \(BusinessTime.display(openedAt)) (UTC+8)")
        let actions = kind.resolutionActions.map(\.rawValue).joined(separator: "|")
        lines.append("处理方式 actions: resolve \(id) --action \(actions) --note …")
        lines.append(kind.resolutionActions.contains(.choose)
            ? "候选值 candidates（用 --action choose --candidate N 选择 / choose with --action choose --candidate N）:"
            : "候选值 candidates（用 --action void --event-id 记录编号 作废其一 / void one with --action void --event-id EVENT）:")
        for (position, candidate) in candidates.enumerated() {
            lines.append("  [\(position)] 值 value: \(candidate.value)")
            lines.append("      设备 device: \(candidate.deviceId)  序号 seq: \(candidate.seq)  录入人 inspector: \(candidate.author)")
            lines.append("      HLC: \(candidate.hlc)  设备时间 device time: \(BusinessTime.display(candidate.deviceTime))")
            lines.append("      记录 event: \(candidate.eventId)")
        }
        if candidates.isEmpty { lines.append("  （无 / none）") }
        if let resolution { lines += resolution.detailLines }
        return lines
    }
}

extension ConflictResolution {
    /// The decision, who made it, when, why, and the server entry that carries it.
    var detailLines: [String] {
        var decision = action.display
        if let candidate { decision += " [\(candidate)]" }
        if let value { decision += " 值 value: \(value)" }
        if let eventId { decision += " 记录 event: \(eventId)" }
        var lines = [
            "处理 resolution: \(decision)",
            "  处理人 by: \(author)  时间 at: \(BusinessTime.display(resolvedAt)) (UTC+8)",
            "  说明 note: \(note)",
        ]
        if let serverSeq { lines.append("  服务器记录 server entry: server #\(serverSeq)") }
        return lines
    }
}

extension ConflictStatus {
    /// `待处理 open`, `已处理 resolved`.
    var display: String {
        switch self {
        case .open: "待处理 open"
        case .resolved: "已处理 resolved"
        }
    }
}

extension ResolutionAction {
    /// The action in both languages.
    var display: String {
        switch self {
        case .choose: "选择候选值 choose"
        case .set: "填写新值 set"
        case .void: "作废记录 void"
        case .accept: "维持现状 accept"
        }
    }
}
