/// A kind of event an industry's profile may allow: today's journal events and those later work adds (packing,
/// and the life of a special-equipment unit). Profiles name these by raw value; any other name is refused.
public enum IndustryEventKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 进场登记/入库.
    case receipt
    /// 检测/抽检.
    case inspection
    /// 交易/销售.
    case sale
    /// 销毁.
    case disposal
    /// 更正.
    case correction
    /// 作废.
    case voiding
    /// 装箱/组托: items into a case, cases onto a pallet (EPCIS AggregationEvent ADD).
    case packing
    /// 拆箱/拆托 (EPCIS AggregationEvent DELETE).
    case unpacking
    /// 使用登记: a special-equipment unit registered for use.
    case registration
    /// 安装.
    case installation
    /// 定期检验, with the next due date.
    case periodicInspection = "periodic_inspection"
    /// 修理/维保.
    case repair
    /// 报废/注销.
    case decommissioning

    /// The journal's event kind for the kinds the journal records today; nil for those later work adds.
    public var journalKind: EventKind? {
        switch self {
        case .receipt: .receipt
        case .inspection: .inspection
        case .sale: .sale
        case .disposal: .disposal
        case .correction: .correction
        case .voiding: .voiding
        case .registration: .equipmentRegistration
        case .installation: .equipmentInstallation
        case .periodicInspection: .equipmentInspection
        case .repair: .equipmentRepair
        case .decommissioning: .equipmentDecommissioning
        case .packing, .unpacking: nil
        }
    }

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .receipt: LocalizedText(zh: "进场登记", en: "receipt")
        case .inspection: LocalizedText(zh: "检测", en: "inspection")
        case .sale: LocalizedText(zh: "交易", en: "sale")
        case .disposal: LocalizedText(zh: "销毁", en: "disposal")
        case .correction: LocalizedText(zh: "更正", en: "correction")
        case .voiding: LocalizedText(zh: "作废", en: "voiding")
        case .packing: LocalizedText(zh: "装箱", en: "packing")
        case .unpacking: LocalizedText(zh: "拆箱", en: "unpacking")
        case .registration: LocalizedText(zh: "使用登记", en: "registration")
        case .installation: LocalizedText(zh: "安装", en: "installation")
        case .periodicInspection: LocalizedText(zh: "定期检验", en: "periodic inspection")
        case .repair: LocalizedText(zh: "维修", en: "repair")
        case .decommissioning: LocalizedText(zh: "报废", en: "decommissioning")
        }
    }
}
