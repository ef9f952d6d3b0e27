import SyncCore
import CentralCore
import CentralSQLite

/// The findings pages' parts: the filter with the CSV link, the queue's table, and one finding with its evidence and
/// the follow-up forms.
enum ConsoleFindingsPage {
    static let title = LocalizedText(zh: "核查发现", en: "Findings")

    /// The filter form (a GET, so it needs no CSRF token) by node, check, severity and status (`open` by default,
    /// blank for any), and the CSV of the same selection.
    static func filterForm(_ query: ConsoleFindingsQuery, nodes: [Node]) -> String {
        let filter = query.filter
        let nodeOptions = [option("", "全部 any", selected: filter.node == nil)]
            + nodes.map { option($0.code, "\($0.code) \($0.name)", selected: filter.node == $0.code) }
        let checkOptions = [option("", "全部 any", selected: filter.check == nil)]
            + SupervisionChecks.all.map { option($0.id, "\($0.label.zh) \($0.label.en)", selected: filter.check == $0.id) }
        let severityOptions = [option("", "全部 any", selected: filter.severity == nil)]
            + FindingSeverity.allCases.map { option($0.rawValue, "\($0.label.zh) \($0.label.en)", selected: filter.severity == $0) }
        let statusOptions = FindingStatus.allCases.map { option($0.rawValue, "\($0.label.zh) \($0.label.en)", selected: query.status == $0.rawValue) }
            + [option("", "全部 any", selected: query.status.isEmpty)]
        return """
        <form method="get" action="/console/findings" class="card filters" id="finding-filters">\
        <label>\(ConsolePage.t("节点", "Node")) <select name="node">\(nodeOptions.joined())</select></label>\
        <label>\(ConsolePage.t("核查", "Check")) <select name="check">\(checkOptions.joined())</select></label>\
        <label>\(ConsolePage.t("严重程度", "Severity")) <select name="severity">\(severityOptions.joined())</select></label>\
        <label>\(ConsolePage.t("状态", "Status")) <select name="status">\(statusOptions.joined())</select></label>\
        <button type="submit">\(ConsolePage.t("筛选", "Filter"))</button></form>\
        <p><a id="findings-csv" href="/console/findings.csv?\(HTMLPage.escape(query.queryString))">\(ConsolePage.t("下载 CSV（当前筛选）", "Download CSV (this selection)"))</a> \
        <span class="en">\(ConsolePage.t("脚本可用 GET /v1/export/findings.csv 加同样的参数", "scripts: GET /v1/export/findings.csv with the same parameters"))</span></p>
        """
    }

    /// The findings as a table, each linked to its page, with its evidence.
    static func table(_ records: [FindingRecord]) -> String {
        ConsolePage.table(
            [ConsolePage.t("编号", "Id"), ConsolePage.t("严重程度", "Severity"), ConsolePage.t("核查", "Check"), ConsolePage.t("节点", "Node"),
             ConsolePage.t("日期", "Day"), ConsolePage.t("对象", "Subject"), ConsolePage.t("发现与证据", "Finding and evidence"),
             ConsolePage.t("状态", "Status")],
            records.map { record in
                let finding = record.finding
                return [
                    "<a href=\"/console/findings/\(record.id)\">#\(record.id)</a>", severity(finding.severity),
                    ConsolePage.t(SupervisionChecks.label(of: finding.check)), HTMLPage.escape(finding.node), HTMLPage.escape(finding.day),
                    subject(finding),
                    "\(ConsolePage.t(finding.summary))<br><span class=\"en\">\(evidenceLine(finding.evidence))</span>",
                    ConsolePage.t(record.status.label),
                ]
            },
            empty: LocalizedText(zh: "没有符合条件的核查发现。", en: "No finding matches.")
        )
    }

    /// One finding: what the check saw and why, its follow-up so far, and with `csrf` the follow-up forms, the
    /// conflict form offering `conflicts` (the node's open ones, those of the finding's batch first).
    static func detail(_ record: FindingRecord, conflicts: [ConflictRecord], csrf: String?, saved: Bool) -> String {
        let finding = record.finding
        var body = saved ? "<div class=\"notice\">\(ConsolePage.t("已保存跟进结果。", "The follow-up is saved."))</div>" : ""
        body += "<div class=\"card\">"
        body += "<p><strong>\(ConsolePage.t(finding.summary))</strong></p>"
        body += "<p>\(ConsolePage.t("核查", "Check")): \(ConsolePage.t(SupervisionChecks.label(of: finding.check))) <span class=\"mono\">\(HTMLPage.escape(finding.check))</span>"
        body += " · \(ConsolePage.t("严重程度", "Severity")): \(severity(finding.severity)) · \(ConsolePage.t("节点", "Node")): \(HTMLPage.escape(finding.node))"
        body += " · \(ConsolePage.t("日期", "Day")): \(HTMLPage.escape(finding.day))</p>"
        body += "<p>\(ConsolePage.t("对象", "Subject")): \(subject(finding))</p>"
        body += "<p>\(ConsolePage.t("发现于", "Found")) \(HTMLPage.escape(BusinessTime.display(record.foundAt))) (UTC+8)</p></div>"
        body += "<h2>\(ConsolePage.t("证据", "Evidence"))</h2>"
        body += "<div id=\"evidence\">" + ConsolePage.table(
            [ConsolePage.t("项目", "What"), ConsolePage.t("数值", "Value")],
            finding.evidence.map { [ConsolePage.t($0.label), HTMLPage.escape($0.value)] }
        ) + "</div>"
        body += "<h2>\(ConsolePage.t("跟进", "Follow-up"))</h2><div class=\"card\">"
        body += "<p>\(ConsolePage.t("状态", "Status")): <strong id=\"status\">\(ConsolePage.t(record.status.label))</strong>"
        if let conflict = record.conflictId {
            body += " · \(ConsolePage.t("冲突", "Conflict")) <a href=\"/console/conflicts/\(conflict)\">#\(conflict)</a>"
        }
        body += "</p>"
        if let note = record.note { body += "<pre id=\"note\">\(HTMLPage.escape(note))</pre>" }
        if let by = record.followedUpBy, let at = record.followedUpAt {
            body += "<p class=\"en\">\(HTMLPage.escape(by)) · \(HTMLPage.escape(BusinessTime.display(at)))</p>"
        }
        body += "</div>"
        if let csrf { body += forms(record, conflicts: conflicts, csrf: csrf) }
        return body
    }

    /// The follow-up forms: followed up, dismissed, opened as a conflict, and back to open once it left the queue.
    private static func forms(_ record: FindingRecord, conflicts: [ConflictRecord], csrf: String) -> String {
        let action = "/console/findings/\(record.id)"
        func note(_ zh: String, _ en: String) -> String {
            "<label>\(ConsolePage.t(zh, en))<textarea name=\"note\" rows=\"3\" required></textarea></label>"
        }
        func status(_ status: FindingStatus) -> String { "<input type=\"hidden\" name=\"status\" value=\"\(status.rawValue)\">" }
        var html = "<div class=\"grid\">"
        html += "<div class=\"card\" id=\"follow-up-followed\"><h2>\(ConsolePage.t("标记为已跟进", "Mark followed up"))</h2>"
        html += ConsolePage.form(action: action, csrf: csrf, submit: LocalizedText(zh: "已跟进", en: "Followed up"),
                                 fields: status(.followedUp) + note("做了什么（必填）", "What was done (required)")) + "</div>"
        html += "<div class=\"card\" id=\"follow-up-dismiss\"><h2>\(ConsolePage.t("排除", "Dismiss"))</h2>"
        html += ConsolePage.form(action: action, csrf: csrf, submit: LocalizedText(zh: "排除", en: "Dismiss"),
                                 fields: status(.dismissed) + note("为何可以解释（必填）", "Why it is explained (required)")) + "</div>"
        let batch = record.finding.subject.kind == .batch ? record.finding.subject.id : nil
        let ordered = conflicts.filter { batch != nil && $0.batchCode == batch } + conflicts.filter { batch == nil || $0.batchCode != batch }
        let options = [option("", "—", selected: true)] + ordered.map { conflict in
            option(String(conflict.id), "#\(conflict.id) \(conflict.kind.label.zh) \(conflict.kind.label.en) · \(conflict.subject)", selected: false)
        }
        html += "<div class=\"card\" id=\"follow-up-conflict\"><h2>\(ConsolePage.t("转为冲突", "Open as a conflict"))</h2>"
        html += ConsolePage.form(action: action, csrf: csrf, submit: LocalizedText(zh: "转为冲突", en: "Open as a conflict"), fields: status(.openedAsConflict)
            + "<label>\(ConsolePage.t("本节点待处理的冲突", "An open conflict of this node"))<select name=\"conflict\">\(options.joined())</select></label>"
            + "<label>\(ConsolePage.t("或填写冲突编号", "or a conflict id"))<input type=\"text\" name=\"conflictId\" inputmode=\"numeric\"></label>"
            + note("说明（必填）", "Note (required)")) + "</div>"
        if record.status != .open {
            html += "<div class=\"card\" id=\"follow-up-reopen\"><h2>\(ConsolePage.t("重新打开", "Reopen"))</h2>"
            html += ConsolePage.form(action: action, csrf: csrf, submit: LocalizedText(zh: "放回待跟进", en: "Back to open"),
                                     fields: status(.open) + note("为何重新打开（必填）", "Why it is reopened (required)")) + "</div>"
        }
        return html + "</div>"
    }

    /// What a finding is about, linked where the console has a page for it: a batch to its recall, an operator to
    /// the node's operators.
    private static func subject(_ finding: Finding) -> String {
        let id = finding.subject.id
        var html: String
        switch finding.subject.kind {
        case .batch: html = "\(ConsolePage.t("批次", "Batch")) <a href=\"/console/recall?code=\(HTMLPage.escape(id))\">\(HTMLPage.code(id))</a>"
        case .operator: html = "\(ConsolePage.t("经营者", "Operator")) \(operatorLink(id, node: finding.node))"
        case .device: html = "\(ConsolePage.t("设备", "Device")) <span class=\"mono\">\(HTMLPage.escape(id))</span>"
        case .marketDay: html = "\(ConsolePage.t("市场日", "Market day")) \(HTMLPage.escape(id))"
        case .certificate: html = "\(ConsolePage.t("检疫证明", "Certificate")) <span class=\"mono\">\(HTMLPage.escape(id))</span>"
        }
        if let operatorId = finding.operatorId, finding.subject.kind != .operator {
            html += "<br>\(ConsolePage.t("经营者", "Operator")) \(operatorLink(operatorId, node: finding.node))"
        }
        return html
    }

    /// An operator id linked to the operators page of its node.
    private static func operatorLink(_ operatorId: String, node: String) -> String {
        "<a href=\"/console/operators?node=\(HTMLPage.escape(node))\">\(HTMLPage.escape(operatorId))</a>"
    }

    /// The evidence on one line: `进场量 received: 120.5 kg; …`.
    private static func evidenceLine(_ evidence: [FindingEvidence]) -> String {
        evidence.map { "\(HTMLPage.escape($0.label.zh)) \(HTMLPage.escape($0.label.en)): \(HTMLPage.escape($0.value))" }.joined(separator: "; ")
    }

    private static func severity(_ severity: FindingSeverity) -> String {
        let text = ConsolePage.t(severity.label)
        return severity == .high ? "<span class=\"hold\">\(text)</span>" : text
    }

    private static func option(_ value: String, _ label: String, selected: Bool) -> String {
        "<option value=\"\(HTMLPage.escape(value))\"\(selected ? " selected" : "")>\(HTMLPage.escape(label))</option>"
    }
}
