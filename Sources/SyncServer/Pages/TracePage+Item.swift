import SyncCore
import CentralCore

extension TracePage {
    /// A serialised item's card (a drug box scanned by its 药品追溯码): what its box says — approval number, lot and
    /// expiry — and the case and pallet it was packed in, so the consumer can match the box to its batch.
    static func itemCard(_ item: PublicItem) -> String {
        var html = "<div class=\"card\"><p>药品追溯码 / Item code</p><p>\(HTMLPage.code(item.code))</p>"
        if let number = item.approvalNumber {
            html += HTMLPage.bilingual("批准文号：\(number)", "Approval number: \(number)")
        }
        if let lot = item.lotNumber { html += HTMLPage.bilingual("生产批号：\(lot)", "Lot: \(lot)") }
        if let expiry = item.expiry { html += HTMLPage.bilingual("有效期至：\(expiry)", "Expires: \(expiry)") }
        for container in item.containers {
            let zh = container.level == .pallet ? "托盘" : "箱"
            let en = container.level == .pallet ? "Pallet" : "Case"
            html += "<p>\(zh) / \(en)</p><p>\(HTMLPage.code(container.code))</p>"
        }
        html += "<p>批次 / Batch</p><p>\(HTMLPage.code(item.batchCode))</p></div>"
        return html
    }
}
