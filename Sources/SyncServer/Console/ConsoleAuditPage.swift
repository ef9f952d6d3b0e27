import SyncCore
import CentralCore
import CentralSQLite

/// The HTML of the console's audit log page.
enum ConsoleAuditPage {
    /// The filters as typed.
    struct Filters {
        let since: String?
        let until: String?
        let actor: String?
        let action: String?
    }

    /// The verify result, the filter form and the records.
    static func body(records: [AuditRecord], total: Int, filters: Filters, problem: AuditChainProblem?, head: AuditHead?) -> String {
        var html: String
        if let problem {
            html = "<div class=\"error\" id=\"audit-verify\"><p>\(ConsolePage.t("审计链校验失败", "The audit chain does not verify")): \(ConsolePage.t(problem.message))</p></div>"
        } else {
            let headText = head.map { "#\($0.seq) \($0.hash)" } ?? "—"
            html = """
            <div class="notice" id="audit-verify"><p>\(ConsolePage.t("审计链完整", "The audit chain is intact")) · \
            \(ConsolePage.t("链头", "head")) <span class="mono">\(HTMLPage.escape(headText))</span></p>\
            <p class="en">\(ConsolePage.t("未对照库外记录的链头，截去的末尾无法在此发现：请用 admin audit verify --backup-dir", "not checked against a head recorded outside the database, so a cut-off tail cannot show here: use admin audit verify --backup-dir"))</p></div>
            """
        }
        let fields = ConsolePage.input("since", label: LocalizedText(zh: "自（2026-11-24 或带时间）", en: "Since (2026-11-24 or a time)"), value: filters.since ?? "", required: false)
            + ConsolePage.input("until", label: LocalizedText(zh: "至", en: "Until"), value: filters.until ?? "", required: false)
            + ConsolePage.input("actor", label: LocalizedText(zh: "操作者（如 user:wang.li）", en: "Actor (e.g. user:wang.li)"), value: filters.actor ?? "", required: false)
            + ConsolePage.input("action", label: LocalizedText(zh: "操作或其前缀（如 device）", en: "Action or its prefix (e.g. device)"), value: filters.action ?? "", required: false)
        html += "<form method=\"get\" action=\"/console/audit\" class=\"stack\">\(fields)<button type=\"submit\">\(ConsolePage.t("筛选", "Filter"))</button></form>"
        html += "<p>\(ConsolePage.t("符合条件", "Matching")): \(total)"
            + (total > records.count ? " · \(ConsolePage.t("显示最近 \(records.count) 条", "showing the latest \(records.count)"))" : "") + "</p>"
        let headers = [("序号", "Seq"), ("时间", "Time"), ("操作者", "Actor"), ("操作", "Action"), ("对象", "Target"),
                       ("结果", "Outcome"), ("状态码", "Status"), ("来源", "Source"), ("详情", "Detail")].map { ConsolePage.t($0.0, $0.1) }
        let rows = records.map { record -> [String] in
            let event = record.event
            return [String(record.seq), HTMLPage.escape(BusinessTime.display(record.at)), HTMLPage.escape(event.actor),
                    HTMLPage.escape(event.action), HTMLPage.escape(event.target ?? "—"),
                    event.outcome == .success ? HTMLPage.escape(event.outcome.rawValue) : "<span class=\"hold\">\(HTMLPage.escape(event.outcome.rawValue))</span>",
                    event.status.map(String.init) ?? "—", HTMLPage.escape(event.source ?? "—"), HTMLPage.escape(event.detail ?? "")]
        }
        return html + ConsolePage.table(headers, rows, empty: LocalizedText(zh: "没有符合条件的记录。", en: "No record matches."))
    }
}
