import SyncCore
import CentralCore

/// `GET /t/{特种设备代码}`: the page a passenger opens from the code on a lift's (or a boiler's) registration sign:
/// its kind, registration number, last inspection and whether it is in date, overdue or decommissioned. Only what
/// `EquipmentPublicView` carries.
enum EquipmentPage {
    static func html(_ unit: EquipmentPublicView) -> String {
        var body = "<h1>特种设备信息</h1><p class=\"en\">Special equipment</p>"
        switch unit.status {
        case .overdue:
            body += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 检验超期：本设备的下次检验日期 \(unit.nextDue ?? "") 已过，尚无新的检验记录。如有疑问请联系使用单位或当地市场监督管理部门（12315）。",
                "Inspection overdue: this unit's next inspection was due on \(unit.nextDue ?? "") and no newer inspection is recorded. If in doubt, ask the building's management or call the market regulator (12315)."
            ) + "</div>"
        case .failed:
            body += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 检验不合格：本设备最近一次定期检验结论为不合格，请勿使用。",
                "Failed inspection: this unit's last periodic inspection did not pass. Do not use it."
            ) + "</div>"
        case .decommissioned:
            body += "<div class=\"hold\">" + HTMLPage.bilingual(
                "⚠ 已报废：本设备已于 \(unit.decommissioned ?? "") 报废，不得使用。",
                "Decommissioned: this unit was taken out of use on \(unit.decommissioned ?? ""). It must not be used."
            ) + "</div>"
        case .inDate, .notInspected:
            break
        }
        body += "<div class=\"card\">"
        body += "<p>特种设备代码 / Equipment code</p><p>\(HTMLPage.code(unit.code))</p>"
        if let kind = unit.kind { body += HTMLPage.bilingual("种类：\(kind.label.zh)", "Kind: \(kind.label.en)") }
        body += HTMLPage.bilingual("使用登记证编号：\(unit.registrationNumber ?? "未登记")",
                                   "Use-registration number: \(unit.registrationNumber ?? "not registered")")
        body += HTMLPage.bilingual("最近一次定期检验：\(unit.lastInspection ?? "无记录")"
                                       + (unit.lastInspectionPassed.map { $0 ? "（合格）" : "（不合格）" } ?? ""),
                                   "Last periodic inspection: \(unit.lastInspection ?? "none recorded")"
                                       + (unit.lastInspectionPassed.map { $0 ? " (passed)" : " (failed)" } ?? ""))
        if let due = unit.nextDue { body += HTMLPage.bilingual("下次检验日期：\(due)", "Next inspection due: \(due)") }
        body += "<p class=\"status\">" + HTMLPage.bilingual("状态：\(unit.status.label.zh)", "Status: \(unit.status.label.en)") + "</p>"
        body += "</div>"
        body += HTMLPage.bilingual("状态按 \(unit.asOf)（北京时间）计算。", "Status as of \(unit.asOf) (China Standard Time).")
        return HTMLPage.document(title: "特种设备 \(unit.code) / Special equipment", body: body)
    }
}
