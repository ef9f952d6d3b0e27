import SyncCore
import CentralCore
import CentralSQLite

extension TracePage {
    /// One place on the chain, as a list item: the node, where it is and how to reach it, the dates, what became of
    /// the batch and its tests.
    static func html(_ stop: PublicTrace.Stop) -> String {
        let kind = NodeKindLabel.label(stop.nodeKind)
        var item = "<li class=\"card\">"
        item += "<p><strong>\(HTMLPage.escape(stop.nodeName.zh))</strong></p><p class=\"en\">\(HTMLPage.escape(stop.nodeName.en))</p>"
        item += HTMLPage.bilingual("\(kind.zh) · \(stop.regionName.zh)", "\(kind.en), \(stop.regionName.en)")
        if let phone = stop.phone { item += HTMLPage.bilingual("电话：\(phone)", "Phone: \(phone)") }
        if let address = stop.address { item += HTMLPage.bilingual("地址：\(address)", "Address: \(address)") }
        item += HTMLPage.bilingual("进场：\(BusinessTime.display(stop.receivedAt))", "Received: \(BusinessTime.display(stop.receivedAt))")
        if let soldAt = stop.soldAt {
            item += HTMLPage.bilingual("售出：\(BusinessTime.display(soldAt))", "Sold on: \(BusinessTime.display(soldAt))")
        }
        if let fate = fate(stop) { item += fate }
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

    /// What became of the batch, in plain words, when it is not simply on sale or sold out.
    private static func fate(_ stop: PublicTrace.Stop) -> String? {
        switch stop.status {
        case .held:
            "<div class=\"hold\">" + HTMLPage.bilingual(
                "此批次处于食品安全暂扣状态：检测不合格，复检合格并经管理员解除前不得销售。",
                "This batch is under a food-safety hold: it failed a test and may not be sold until it passes a re-test and an admin releases it."
            ) + "</div>"
        case .disposed where stop.failedTest:
            "<div class=\"hold\">" + HTMLPage.bilingual(
                "此批次检测不合格，剩余货物已全部销毁，不再销售。",
                "This batch failed a test; what was left of it has been destroyed and is no longer sold."
            ) + "</div>"
        case .disposed:
            "<div class=\"notice\">" + HTMLPage.bilingual(
                "此批次剩余货物已由市场销毁处理，不再销售。",
                "The market destroyed what was left of this batch; it is no longer sold."
            ) + "</div>"
        case .voided:
            "<div class=\"notice\">" + HTMLPage.bilingual(
                "市场已作废此批次的进货记录。",
                "The market voided this batch's receipt."
            ) + "</div>"
        case .open, .closed:
            stop.onHold
                ? "<div class=\"hold\">" + HTMLPage.bilingual("此批次在食品安全暂扣期间仍有交易。", "This batch was traded while under a food-safety hold.") + "</div>"
                : nil
        }
    }
}
