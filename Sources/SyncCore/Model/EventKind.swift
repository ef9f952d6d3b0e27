/// What a journal entry records.
public enum EventKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// 进场登记: creates a batch and its trace code.
    case receipt
    /// 检测: a test of a batch; a failed test holds it.
    case inspection
    /// 交易: a sale to a buyer, issuing a child trace code.
    case sale
    /// 销毁/无害化处理: reduces the balance.
    case disposal
    /// 更正: new values for named fields of an earlier event.
    case correction
    /// 作废: an earlier event stops counting; it is never deleted.
    case voiding
    /// 经营户登记: an operator registered on the device.
    case operatorRegistration = "operator_registration"
    /// 解除扣留: an admin lifts a food-safety hold; recorded only by the server.
    case release
    /// 特种设备使用登记: a special-equipment unit registered for use.
    case equipmentRegistration = "equipment_registration"
    /// 特种设备安装.
    case equipmentInstallation = "equipment_installation"
    /// 特种设备定期检验, with its result and next due date.
    case equipmentInspection = "equipment_inspection"
    /// 特种设备维修.
    case equipmentRepair = "equipment_repair"
    /// 特种设备报废: the unit is out of use; later life events are flagged.
    case equipmentDecommissioning = "equipment_decommissioning"
    /// 装箱/组托: items into a case, cases onto a pallet.
    case packing
    /// 拆箱/拆托: items out of a case, cases off a pallet.
    case unpacking

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .receipt: LocalizedText(zh: "进场登记", en: "receipt")
        case .inspection: LocalizedText(zh: "检测", en: "inspection")
        case .sale: LocalizedText(zh: "交易", en: "sale")
        case .disposal: LocalizedText(zh: "销毁", en: "disposal")
        case .correction: LocalizedText(zh: "更正", en: "correction")
        case .voiding: LocalizedText(zh: "作废", en: "voiding")
        case .operatorRegistration: LocalizedText(zh: "经营户登记", en: "operator registration")
        case .release: LocalizedText(zh: "解除扣留", en: "hold release")
        case .equipmentRegistration, .equipmentInstallation, .equipmentInspection, .equipmentRepair, .equipmentDecommissioning:
            EquipmentStep(self)!.label
        case .packing: LocalizedText(zh: "装箱", en: "packing")
        case .unpacking: LocalizedText(zh: "拆箱", en: "unpacking")
        }
    }
}
