import SyncCore
import CentralCore
import CentralSQLite

/// The console's credit page: the formula, the node chooser, the public-grade switch and one row an operator.
enum ConsoleCreditPage {
    static let title = LocalizedText(zh: "经营户信用", en: "Operator credit")

    /// The page's body. `csrf` is the session's token for a province admin, who may switch the public grade; nil
    /// for everyone else, who sees the setting only.
    static func body(_ listing: CreditListing, nodes: [Node], csrf: String?, switched: Bool) -> String {
        let options = nodes.map { option in
            "<option value=\"\(HTMLPage.escape(option.code))\"\(option.code == listing.node ? " selected" : "")>\(HTMLPage.escape("\(option.code) \(option.name)"))</option>"
        }.joined()
        var html = """
        <form method="get" action="/console/credit"><label>\(ConsolePage.t("节点", "Node")) \
        <select name="node">\(options)</select></label><button type="submit">\(ConsolePage.t("查看", "Show"))</button></form>
        """
        html += "<p>\(formula)</p>"
        html += "<p>\(ConsolePage.t("统计期：\(listing.window.fromDay) 至 \(listing.window.throughDay)（\(listing.window.days) 天）。", "Window: \(listing.window.fromDay) to \(listing.window.throughDay) (\(listing.window.days) days)."))</p>"
        html += publicSwitch(listing, csrf: csrf, switched: switched)
        let headers = [ConsolePage.t("经营户", "Operator"), ConsolePage.t("信用分", "Score"), ConsolePage.t("等级", "Grade")]
            + CreditFactor.allCases.map { ConsolePage.t("\($0.label.zh)（每次 \($0.pointsEach) 分）", "\($0.label.en) (\($0.pointsEach) each)") }
        let rows = listing.operators.map { credit -> [String] in
            var name = "\(HTMLPage.escape(credit.name))<br><span class=\"mono\">\(HTMLPage.escape(credit.operatorId))</span>"
            if !credit.aliases.isEmpty {
                name += "<br>" + ConsolePage.t("含别名 ", "with aliases ") + credit.aliases.map { "<span class=\"mono\">\(HTMLPage.escape($0))</span>" }.joined(separator: ", ")
            }
            let grade = "<span class=\"\(credit.grade <= .b ? "pass" : "hold")\">\(ConsolePage.t(credit.grade.label))</span>"
            return [name, "<strong>\(credit.score)</strong>", grade] + credit.items.map { item in
                item.count == 0 ? "0" : "\(item.count) × \(item.pointsEach) = −\(item.points)"
            }
        }
        return html + ConsolePage.table(headers, rows, empty: LocalizedText(zh: "该节点没有经营户。", en: "The node has no operators."))
    }

    /// The formula in words.
    static var formula: String {
        ConsolePage.t(
            "信用分 = 100 − Σ 次数 × 每次扣分，最低 0；A ≥ 90，B ≥ 75，C ≥ 60，D < 60。最差的在前。",
            "Score = 100 − Σ count × points each, never below 0; A ≥ 90, B ≥ 75, C ≥ 60, D < 60. Worst first."
        )
    }

    private static func publicSwitch(_ listing: CreditListing, csrf: String?, switched: Bool) -> String {
        var html = "<p>" + (listing.publicGrade
            ? ConsolePage.t("公开页面显示售出经营户的信用等级（只显示等级）：开。", "The public trace page shows the selling operator's grade (the grade only): on.")
            : ConsolePage.t("公开页面不显示经营户信用等级：关。", "The public trace page does not show operators' grades: off.")) + "</p>"
        if switched { html += "<p class=\"notice\">\(ConsolePage.t("设置已更改，已记入审计日志。", "Setting changed; recorded in the audit log."))</p>" }
        guard let csrf else { return html }
        let fields = "<input type=\"hidden\" name=\"publicGrade\" value=\"\(listing.publicGrade ? "off" : "on")\">"
            + "<input type=\"hidden\" name=\"node\" value=\"\(HTMLPage.escape(listing.node))\">"
        return html + ConsolePage.form(
            action: "/console/credit/public", csrf: csrf,
            submit: listing.publicGrade
                ? LocalizedText(zh: "在公开页面隐藏等级", en: "Hide grades on the public page")
                : LocalizedText(zh: "在公开页面显示等级", en: "Show grades on the public page"),
            fields: fields
        )
    }
}
