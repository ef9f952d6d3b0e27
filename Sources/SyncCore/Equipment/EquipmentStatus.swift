/// Where a unit stands on a given day: what the public page shows and what the admins' overdue list selects.
public enum EquipmentStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// 在检验有效期内: the last inspection passed and its next due date has not passed.
    case inDate = "in_date"
    /// 检验超期: the last inspection's next due date has passed and no newer inspection is recorded.
    case overdue
    /// 检验不合格: the last inspection failed (and set no due date that has passed since).
    case failed
    /// 未检验: no inspection recorded yet.
    case notInspected = "not_inspected"
    /// 已报废: decommissioned; whatever is recorded after it is flagged.
    case decommissioned

    /// Where a unit stands on `day` (`YYYY-MM-DD`): decommissioned above all, then overdue once the last
    /// inspection's due date is before `day`, then that inspection's result (`lastPassed` nil: none recorded).
    public init(decommissioned: Bool, lastPassed: Bool?, nextDue: String?, on day: String) {
        if decommissioned {
            self = .decommissioned
        } else if let lastPassed {
            if let nextDue, nextDue < day { self = .overdue } else { self = lastPassed ? .inDate : .failed }
        } else {
            self = .notInspected
        }
    }

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .inDate: LocalizedText(zh: "在检验有效期内", en: "in date")
        case .overdue: LocalizedText(zh: "检验超期", en: "inspection overdue")
        case .failed: LocalizedText(zh: "检验不合格", en: "failed inspection")
        case .notInspected: LocalizedText(zh: "未检验", en: "not inspected")
        case .decommissioned: LocalizedText(zh: "已报废", en: "decommissioned")
        }
    }
}
