import SyncCore
import CentralCore
import CentralSQLite

/// `GET /t/{code}`: the page a consumer opens from the code on a receipt, Chinese first with English under it.
///
/// It shows only what `PublicTrace` carries: the product, its origin, the places it passed through with their
/// regions, their public phone numbers and addresses, dates and inspection outcomes; a banner that names the market
/// to call when a batch on the chain is held or failed its test and was destroyed, and plain words for a batch
/// destroyed or voided.
enum TracePage {
    /// The page for a found code; with `complaintToken`, the complaint form (`ComplaintPage.form`) at its end; with
    /// `creditGrade`, the selling operator's grade (`creditCard`).
    static func html(_ trace: PublicTrace, complaintToken: String? = nil, creditGrade: CreditGrade? = nil) -> String {
        var body = "<h1>产品追溯</h1><p class=\"en\">Product trace</p>"
        body += banners(trace)
        body += "<div class=\"card\">"
        body += "<p>追溯码 / Trace code</p><p>\(HTMLPage.code(trace.code))</p>"
        body += HTMLPage.bilingual("产品：\(trace.product.zh)", "Product: \(trace.product.en)")
        body += HTMLPage.bilingual("产地：\(trace.origin.zh)", "Origin: \(trace.origin.en)")
        body += "</div>"
        if let item = trace.item { body += itemCard(item) }
        if let creditGrade { body += creditCard(creditGrade) }
        body += "<h2>流通环节</h2><p class=\"en\">Where it has been, from the origin to you</p><ol>"
        for stop in trace.stops.reversed() { body += html(stop) }
        body += "</ol>"
        body += HTMLPage.bilingual("时间均为北京时间（UTC+8）。", "Times are China Standard Time (UTC+8).")
        if let complaintToken { body += ComplaintPage.form(code: trace.code, token: complaintToken) }
        return HTMLPage.document(title: "产品追溯 \(trace.product.zh) / Product trace", body: body)
    }

    /// The warnings above the details: a hold, a failed test whose batch was destroyed, a destroyed or voided batch.
    /// Each that asks the consumer to act names the market that sold the goods and how to reach it.
    private static func banners(_ trace: PublicTrace) -> String {
        guard let seller = trace.stops.first else { return "" }
        let contact = seller.contact
        var html = ""
        if trace.foodSafetyHold {
            html += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 食品安全暂扣：本产品流通链上的批次检测不合格或被暂扣，请勿食用，并联系售出的市场：\(contact.zh)",
                "Food-safety hold: a batch on this product's chain failed a test or is held. Do not eat it; contact the market that sold it: \(contact.en)"
            ) + "</div>"
        } else if let destroyed = trace.stops.first(where: { $0.status == .disposed && $0.failedTest }) {
            html += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 检测不合格：本产品所在批次在\(destroyed.nodeName.zh)检测不合格，剩余货物已全部销毁。如您手中还有，请勿食用，并联系售出的市场：\(contact.zh)",
                "Failed a food-safety test: this product's batch failed a test at \(destroyed.nodeName.en) and what was left of it has been destroyed. If you still have some, do not eat it; contact the market that sold it: \(contact.en)"
            ) + "</div>"
        }
        if trace.stops.contains(where: { $0.status == .voided }) {
            html += "<div class=\"notice\">" + HTMLPage.bilingual(
                "市场已作废本产品一个批次的进货记录，以下信息可能不完整。如有疑问，请联系售出的市场：\(contact.zh)",
                "The market voided the receipt of a batch of this product, so what follows may be incomplete. If in doubt, contact the market that sold it: \(contact.en)"
            ) + "</div>"
        }
        return html
    }
}
