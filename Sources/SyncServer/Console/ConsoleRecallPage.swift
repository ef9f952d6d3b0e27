import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// The HTML of the console's recall page.
enum ConsoleRecallPage {
    /// The GET form asking for a code.
    static func form(code: String) -> String {
        """
        <form method="get" action="/console/recall" class="stack">\
        \(ConsolePage.input("code", label: LocalizedText(zh: "任意追溯码（批次码、买方码或上游码）", en: "Any trace code (batch, buyer's or upstream)"), value: code))\
        <button type="submit">\(ConsolePage.t("召回查询", "Look up the recall"))</button></form>
        """
    }

    /// The downstream sales indented by depth, the stalls still holding goods, the totals and the CSV link.
    static func report(_ report: RecallReport) -> String {
        let sales = ConsolePage.table(
            [("层级", "Depth"), ("批次", "Batch"), ("节点", "Node"), ("产品", "Product"), ("买方追溯码", "Buyer's code"),
             ("买方", "Buyer"), ("数量", "Quantity"), ("时间", "Time")].map { ConsolePage.t($0.0, $0.1) },
            report.rows.map { row in
                [String(repeating: "↳", count: row.depth) + " \(row.depth)", HTMLPage.code(row.batchCode),
                 HTMLPage.escape("\(row.node) \(row.nodeName)"), HTMLPage.escape(row.product), HTMLPage.code(row.childCode),
                 HTMLPage.escape(row.buyer), HTMLPage.escape("\(row.quantity) \(row.unit)"),
                 HTMLPage.escape(BusinessTime.display(row.time))]
            },
            empty: LocalizedText(zh: "没有下游交易。", en: "No sales downstream.")
        )
        let holdings = ConsolePage.table(
            [("批次", "Batch"), ("节点", "Node"), ("产品", "Product"), ("经营户", "Operator"), ("摊位", "Stall"),
             ("在库", "On hand")].map { ConsolePage.t($0.0, $0.1) },
            report.holdings.map { holding in
                [HTMLPage.code(holding.batchCode), HTMLPage.escape("\(holding.node) \(holding.nodeName)"),
                 HTMLPage.escape(holding.product), HTMLPage.escape("\(holding.operatorName) (\(holding.operatorId))"),
                 HTMLPage.escape(holding.stall ?? "—"), HTMLPage.escape("\(holding.onHand) \(holding.unit)")]
            },
            empty: LocalizedText(zh: "没有仍持有货品的批次。", en: "No batch still holds goods.")
        )
        let totals = [("批次数", "Batches", String(report.batches.count)), ("已售合计", "Sold", display(report.totalSold)),
                      ("已销毁合计", "Disposed", display(report.totalDisposed)), ("在库合计", "On hand", display(report.totalOnHand))]
            .map { "<p>\(ConsolePage.t($0.0, $0.1)): <strong>\(HTMLPage.escape($0.2))</strong></p>" }.joined()
        return """
        <h2>\(ConsolePage.t("召回清单", "Recall list")) \(HTMLPage.code(report.code))</h2>
        <p><a href="/console/recall.csv?code=\(HTMLPage.escape(queryValue(report.code)))">\(ConsolePage.t("下载 CSV", "Download CSV"))</a></p>
        <h2>\(ConsolePage.t("下游交易", "Sales downstream"))</h2>\(sales)
        <h2>\(ConsolePage.t("仍有货品的批次和经营户", "Batches and stalls still holding goods"))</h2>\(holdings)
        <div class="card">\(totals)</div>
        """
    }

    /// `text` percent-encoded for a query value (everything but ASCII letters, digits and `-._~`).
    static func queryValue(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `120.5 kg, 3 head`, or `0` when empty.
    static func display(_ totals: [String: String]) -> String {
        totals.isEmpty ? "0" : totals.keys.sorted().map { "\(totals[$0]!) \($0)" }.joined(separator: ", ")
    }
}
