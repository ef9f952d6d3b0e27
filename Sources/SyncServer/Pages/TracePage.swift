import SyncCore

/// `GET /t/{code}`: the page a consumer opens from the code on a receipt, Chinese first with English under it.
///
/// It shows only what `PublicTrace` carries: the product, its origin, the places it passed through with their dates
/// and inspection outcomes, and a banner when any batch on the chain is under a food-safety hold.
enum TracePage {
    /// The page for a found code.
    static func html(_ trace: PublicTrace) -> String {
        var body = "<h1>产品追溯</h1><p class=\"en\">Product trace</p>"
        if trace.foodSafetyHold {
            body += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 食品安全暂扣：本产品流通链上的批次检测不合格或被暂扣，请勿食用，并联系售出的市场。",
                "Food-safety hold: a batch on this product's chain failed a test or is held. Do not eat it; contact the market that sold it."
            ) + "</div>"
        }
        body += "<div class=\"card\">"
        body += "<p>追溯码 / Trace code: <span class=\"code\">\(HTMLPage.escape(grouped(trace.code)))</span></p>"
        body += HTMLPage.bilingual("产品：\(trace.product.zh)", "Product: \(trace.product.en)")
        body += HTMLPage.bilingual("产地：\(trace.origin.zh)（\(trace.originCode)）", "Origin: \(trace.origin.en) (\(trace.originCode))")
        body += "</div>"
        body += "<h2>流通环节</h2><p class=\"en\">Where it has been, from the origin to you</p><ol>"
        for stop in trace.stops.reversed() { body += html(stop) }
        body += "</ol>"
        body += HTMLPage.bilingual("时间均为北京时间（UTC+8）。", "Times are China Standard Time (UTC+8).")
        return HTMLPage.document(title: "产品追溯 \(trace.product.zh) / Product trace", body: body)
    }

    /// One place on the chain, as a list item.
    private static func html(_ stop: PublicTrace.Stop) -> String {
        let kind = NodeKindLabel.label(stop.nodeKind)
        var item = "<li class=\"card\">"
        item += "<p><strong>\(HTMLPage.escape(stop.nodeName.zh))</strong></p><p class=\"en\">\(HTMLPage.escape(stop.nodeName.en))</p>"
        item += HTMLPage.bilingual("类型：\(kind.zh)　区划：\(stop.region)", "Kind: \(kind.en), region \(stop.region)")
        item += HTMLPage.bilingual("进场：\(BusinessTime.display(stop.receivedAt))", "Received: \(BusinessTime.display(stop.receivedAt))")
        if let soldAt = stop.soldAt {
            item += HTMLPage.bilingual("售出：\(BusinessTime.display(soldAt))", "Sold on: \(BusinessTime.display(soldAt))")
        }
        if stop.onHold {
            item += "<div class=\"hold\">" + HTMLPage.bilingual("此批次处于食品安全暂扣状态。", "This batch is under a food-safety hold.") + "</div>"
        }
        if stop.inspections.isEmpty {
            item += HTMLPage.bilingual("检测：无记录", "Tests: none recorded")
        } else {
            item += "<p>检测 / Tests:</p><ul>"
            for inspection in stop.inspections {
                let outcome = inspection.passed
                    ? "<span class=\"pass\">合格 Pass</span>" : "<span class=\"fail\">不合格 Fail</span>"
                item += "<li>\(HTMLPage.escape(inspection.item))：\(outcome)（\(BusinessTime.display(inspection.time))）</li>"
            }
            item += "</ul>"
        }
        return item + "</li>"
    }

    /// `4601 0001 …`, or the text as it is if it is not a trace code.
    static func grouped(_ code: String) -> String {
        (try? TraceCode(parsing: code).grouped) ?? code
    }
}
