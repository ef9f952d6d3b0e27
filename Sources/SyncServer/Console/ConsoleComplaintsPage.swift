import SyncCore
import CentralCore
import CentralSQLite

/// The complaints pages' parts: the filter, the queue's table, and one complaint with its trace and answer form.
enum ConsoleComplaintsPage {
    static let title = LocalizedText(zh: "消费者投诉", en: "Consumer complaints")

    /// The filter form (a GET, so it needs no CSRF token): node, and status — `open` (received or in progress, the
    /// default), one status, or blank for any.
    static func filterForm(node: String?, status: String, nodes: [Node]) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTMLPage.escape(value))\"\(selected ? " selected" : "")>\(HTMLPage.escape(label))</option>"
        }
        let nodeOptions = [option("", "全部 any", selected: node == nil)]
            + nodes.map { option($0.code, "\($0.code) \($0.name)", selected: node == $0.code) }
        let statusOptions = [option("open", "待处理 open", selected: status == "open")]
            + ComplaintStatus.allCases.map { option($0.rawValue, "\($0.label.zh) \($0.label.en)", selected: status == $0.rawValue) }
            + [option("", "全部 any", selected: status.isEmpty)]
        return """
        <form method="get" action="/console/complaints" class="card filters">\
        <label>\(ConsolePage.t("节点", "Node")) <select name="node">\(nodeOptions.joined())</select></label>\
        <label>\(ConsolePage.t("状态", "Status")) <select name="status">\(statusOptions.joined())</select></label>\
        <button type="submit">\(ConsolePage.t("筛选", "Filter"))</button></form>
        """
    }

    /// The complaints as a table, each linked to its page.
    static func table(_ complaints: [Complaint]) -> String {
        ConsolePage.table(
            [ConsolePage.t("编号", "Id"), ConsolePage.t("回执号", "Receipt"), ConsolePage.t("节点", "Node"), ConsolePage.t("追溯码", "Code"),
             ConsolePage.t("类型", "Category"), ConsolePage.t("状态", "Status"), ConsolePage.t("属实", "Upheld"),
             ConsolePage.t("提交于（UTC+8）", "Filed (UTC+8)")],
            complaints.map { complaint in [
                "<a href=\"/console/complaints/\(complaint.id)\">#\(complaint.id)</a>",
                "<span class=\"mono\">\(HTMLPage.escape(complaint.receipt))</span>",
                HTMLPage.escape(complaint.node), HTMLPage.code(complaint.code),
                ConsolePage.t(complaint.category.label), ConsolePage.t(complaint.status.label), upheld(complaint.upheld),
                HTMLPage.escape(BusinessTime.display(complaint.filedAt)),
            ] },
            empty: LocalizedText(zh: "没有符合条件的投诉。", en: "No complaint matches.")
        )
    }

    /// One complaint: what was reported, the answer so far, the trace as it stood at filing, and with `csrf` the
    /// answer form.
    static func detail(_ complaint: Complaint, csrf: String?, answered: Bool) -> String {
        var body = answered ? "<div class=\"notice\">\(ConsolePage.t("已保存，消费者的回执页面已更新。", "Saved; the shopper's receipt page shows it."))</div>" : ""
        body += "<div class=\"card\">"
        body += "<p>\(ConsolePage.t("回执号", "Receipt")): <span class=\"mono\">\(HTMLPage.escape(complaint.receipt))</span> · \(ConsolePage.t("节点", "Node")): \(HTMLPage.escape(complaint.node))</p>"
        body += "<p>\(ConsolePage.t("追溯码", "Code")): \(HTMLPage.code(complaint.code)) · \(ConsolePage.t("批次", "Batch")): \(HTMLPage.code(complaint.batchCode))"
        body += " · <a href=\"/console/recall?code=\(complaint.batchCode)\">\(ConsolePage.t("当前流向", "Where it went now"))</a></p>"
        if let operatorId = complaint.operatorId { body += "<p>\(ConsolePage.t("经营者", "Operator")): \(HTMLPage.escape(operatorId))</p>" }
        body += "<p>\(ConsolePage.t("类型", "Category")): \(ConsolePage.t(complaint.category.label)) · \(ConsolePage.t("提交于", "Filed")) \(HTMLPage.escape(BusinessTime.display(complaint.filedAt))) (UTC+8)</p>"
        body += "<p>\(ConsolePage.t("联系电话", "Phone")): \(HTMLPage.escape(complaint.phone ?? "未留 / none"))</p>"
        body += "<pre>\(HTMLPage.escape(complaint.text))</pre></div>"
        body += "<h2>\(ConsolePage.t("答复", "Answer"))</h2><div class=\"card\">"
        body += "<p>\(ConsolePage.t("状态", "Status")): <strong id=\"status\">\(ConsolePage.t(complaint.status.label))</strong> · \(ConsolePage.t("属实", "Upheld")): \(upheld(complaint.upheld))</p>"
        if let reply = complaint.reply { body += "<pre>\(HTMLPage.escape(reply))</pre>" }
        if let updatedBy = complaint.updatedBy, let updatedAt = complaint.updatedAt {
            body += "<p class=\"en\">\(HTMLPage.escape(updatedBy)) · \(HTMLPage.escape(BusinessTime.display(updatedAt)))</p>"
        }
        body += "</div>"
        if let csrf { body += form(complaint, csrf: csrf) }
        body += "<h2>\(ConsolePage.t("提交时的追溯信息", "The trace when it was filed"))</h2>"
        body += ConsolePage.table(
            [ConsolePage.t("节点", "Node"), ConsolePage.t("进场", "Received"), ConsolePage.t("售出", "Sold"), ConsolePage.t("检测", "Tests"),
             ConsolePage.t("扣留", "Hold")],
            complaint.trace.stops.map { stop in [
                ConsolePage.t(stop.nodeName), HTMLPage.escape(BusinessTime.display(stop.receivedAt)),
                HTMLPage.escape(stop.soldAt.map(BusinessTime.display) ?? "-"),
                stop.inspections.map { "\(HTMLPage.escape($0.item)) \($0.passed ? "<span class=\"pass\">合格 pass</span>" : "<span class=\"hold\">不合格 fail</span>")" }
                    .joined(separator: "<br>"),
                stop.onHold ? "<span class=\"hold\">\(ConsolePage.t("是", "yes"))</span>" : ConsolePage.t("否", "no"),
            ] }
        )
        return body
    }

    /// The answer form: the status, the reply the shopper will read, whether upheld.
    private static func form(_ complaint: Complaint, csrf: String) -> String {
        let statuses = [ComplaintStatus.inProgress, .answered].map { status in
            "<option value=\"\(status.rawValue)\"\(complaint.status == status ? " selected" : "")>\(HTMLPage.escape("\(status.label.zh) \(status.label.en)"))</option>"
        }.joined()
        let upheld = [("", "未定 undecided", complaint.upheld == nil), ("yes", "属实 upheld", complaint.upheld == true),
                      ("no", "不属实 not upheld", complaint.upheld == false)].map { value, label, selected in
            "<option value=\"\(value)\"\(selected ? " selected" : "")>\(HTMLPage.escape(label))</option>"
        }.joined()
        let fields = """
        <label>\(ConsolePage.t("状态", "Status"))<select name="status">\(statuses)</select></label>\
        <label>\(ConsolePage.t("给消费者的答复（纯文字，答复时必填）", "Reply to the shopper (plain text; required to answer)"))\
        <textarea name="reply" rows="4" maxlength="\(ComplaintAnswer.maxReplyLength)">\(HTMLPage.escape(complaint.reply ?? ""))</textarea></label>\
        <label>\(ConsolePage.t("投诉是否属实（答复时必填）", "Upheld? (required to answer)"))<select name="upheld">\(upheld)</select></label>
        """
        return ConsolePage.form(action: "/console/complaints/\(complaint.id)", csrf: csrf,
                                submit: LocalizedText(zh: "保存", en: "Save"), fields: fields)
    }

    private static func upheld(_ value: Bool?) -> String {
        switch value {
        case true?: ConsolePage.t("属实", "upheld")
        case false?: ConsolePage.t("不属实", "not upheld")
        case nil: "-"
        }
    }
}
