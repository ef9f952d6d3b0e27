import SyncCore
import CentralCore
import CentralSQLite

/// The HTML of the console's stats and exports page.
enum ConsoleStatsPage {
    /// The range form (days, node, industry), the counts per node, day and industry, open conflicts and quiet
    /// devices, and the download links.
    static func body(stats: SupervisionStats, query: DayRangeQuery, nodes: [Node], industries: [IndustryProfile],
                     admin: AdminPrincipal) -> String {
        var options = admin.isLimitedToNodes ? [] : ["<option value=\"\">\(HTMLPage.escape("全部 / all"))</option>"]
        options += nodes.map { node in
            "<option value=\"\(HTMLPage.escape(node.code))\"\(node.code == query.node ? " selected" : "")>\(HTMLPage.escape("\(node.code) \(node.name)"))</option>"
        }
        let industryOptions = ["<option value=\"\">\(HTMLPage.escape("全部 / all"))</option>"] + industries.map { profile in
            "<option value=\"\(HTMLPage.escape(profile.industry.rawValue))\"\(profile.industry == query.industry ? " selected" : "")>\(HTMLPage.escape("\(profile.name.zh) / \(profile.name.en)"))</option>"
        }
        let names = Dictionary(industries.map { ($0.industry, $0.name) }, uniquingKeysWith: { first, _ in first })
        var html = """
        <form method="get" action="/console/stats" class="stack">\
        \(ConsolePage.input("from", label: LocalizedText(zh: "自", en: "From"), type: "date", value: query.from))\
        \(ConsolePage.input("to", label: LocalizedText(zh: "至（含）", en: "To (included)"), type: "date", value: query.to))\
        <label>\(ConsolePage.t("节点", "Node"))<select name="node">\(options.joined())</select></label>\
        <label>\(ConsolePage.t("行业", "Industry"))<select name="industry">\(industryOptions.joined())</select></label>\
        <button type="submit">\(ConsolePage.t("统计", "Count"))</button></form>
        """
        let headers = [("日期", "Day"), ("节点", "Node"), ("行业", "Industry"), ("进货", "Receipts"), ("检测", "Inspections"),
                       ("合格", "Passed"), ("合格率", "Pass rate"), ("销售", "Sales")].map { ConsolePage.t($0.0, $0.1) }
        let rows = stats.days.map { day in
            [HTMLPage.escape(day.day), HTMLPage.escape(day.node),
             names[day.industry].map { ConsolePage.t($0.zh, $0.en) } ?? HTMLPage.escape(day.industry.rawValue),
             String(day.receipts), String(day.inspections),
             String(day.inspectionsPassed), day.inspections == 0 ? "—" : "\(Int((day.passRate * 100).rounded())) %", String(day.sales)]
        }
        html += ConsolePage.table(headers, rows, empty: LocalizedText(zh: "该范围内没有记录。", en: "Nothing recorded in the range."))
        let conflicts = stats.openConflicts.keys.sorted().map { "\(HTMLPage.escape($0)): \(stats.openConflicts[$0]!)" }.joined(separator: " · ")
        html += "<p>\(ConsolePage.t("未处理冲突", "Open conflicts")): \(conflicts.isEmpty ? "0" : conflicts)</p>"
        html += "<p>\(ConsolePage.t("沉默设备", "Quiet devices")): \(stats.quietDevices.isEmpty ? "0" : stats.quietDevices.map { HTMLPage.escape("\($0.node) \($0.name)") }.joined(separator: " · "))</p>"
        html += downloads(query: query, admin: admin)
        return html
    }

    /// The download links of the range (the CSVs of the industry chosen): a node admin's only with a node chosen, the
    /// feed only for province admins and auditors.
    static func downloads(query: DayRangeQuery, admin: AdminPrincipal) -> String {
        guard !admin.isLimitedToNodes || query.node != nil else {
            return "<p>\(ConsolePage.t("选择你的一个节点后可下载导出文件。", "Choose one of your nodes to download the exports."))</p>"
        }
        let range = "from=\(query.from)&amp;to=\(query.to)" + (query.node.map { "&amp;node=\(HTMLPage.escape($0))" } ?? "")
        let industry = query.industry.map { "&amp;industry=\(HTMLPage.escape($0.rawValue))" } ?? ""
        var links = RegulatorCSV.allCases.map { kind in
            "<a href=\"/console/export/csv/\(kind.rawValue)?\(range)\(industry)\">CSV \(HTMLPage.escape(kind.rawValue))</a>"
        }
        links.append("<a href=\"/console/export/epcis?\(range)\">EPCIS 2.0</a>")
        if admin.role != .node { links.append("<a href=\"/console/export/feed?cursor=0&amp;limit=1000\">\(ConsolePage.t("交换数据流（首页）", "Exchange feed (first page)"))</a>") }
        return "<div class=\"card\"><h2>\(ConsolePage.t("下载", "Downloads"))</h2><p>\(links.joined(separator: " · "))</p></div>"
    }
}
