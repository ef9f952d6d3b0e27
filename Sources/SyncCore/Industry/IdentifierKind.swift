/// A kind of identifier an industry uses, each with its validator (``validate(_:field:)``). Profiles name these by
/// their raw value; a profile naming any other kind is refused, because an identifier without a validator would be
/// taken unchecked.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 统一社会信用代码 (GB 32100-2015).
    case creditCode = "credit_code"
    /// 药品批准文号, e.g. 国药准字H46020123.
    case drugApprovalNumber = "drug_approval_number"
    /// 药品追溯码, 20 digits.
    case drugTraceCode = "drug_trace_code"
    /// 兽药产品批准文号, e.g. 兽药字220651234.
    case veterinaryDrugApprovalNumber = "veterinary_drug_approval_number"
    /// 农药登记证号, e.g. PD20181234.
    case pesticideRegistrationNumber = "pesticide_registration_number"
    /// 特种设备代码, 18 characters.
    case specialEquipmentCode = "special_equipment_code"
    /// 特种设备使用登记证编号, e.g. 梯11琼A00023(19).
    case useRegistrationNumber = "use_registration_number"
    /// 联合国编号, e.g. UN1075.
    case unNumber = "un_number"
    /// 危险货物类别 (GB 6944), e.g. 2.1.
    case hazardClass = "hazard_class"
    /// 药品经营许可证, e.g. 琼CA898100123.
    case drugOperatingLicence = "drug_operating_licence"
    /// 农药经营许可证.
    case pesticideOperatingLicence = "pesticide_operating_licence"
    /// 特种设备生产（安装改造维修）许可证, e.g. TS3346012-2027.
    case specialEquipmentLicence = "special_equipment_licence"
    /// 食品生产许可证, SC and 14 digits.
    case foodProductionLicence = "food_production_licence"
    /// 食品经营许可证, JY and 14 digits.
    case foodBusinessLicence = "food_business_licence"
    /// 危险化学品经营许可证 (checked as free text).
    case hazardousChemicalsLicence = "hazardous_chemicals_licence"
    /// 道路危险货物运输许可证 (checked as free text).
    case dangerousGoodsTransportPermit = "dangerous_goods_transport_permit"

    /// The identifier's name, for people.
    public var label: LocalizedText {
        switch self {
        case .creditCode: LocalizedText(zh: "统一社会信用代码", en: "unified social credit code")
        case .drugApprovalNumber: LocalizedText(zh: "药品批准文号", en: "drug approval number")
        case .drugTraceCode: LocalizedText(zh: "药品追溯码", en: "drug trace code")
        case .veterinaryDrugApprovalNumber: LocalizedText(zh: "兽药批准文号", en: "veterinary drug approval number")
        case .pesticideRegistrationNumber: LocalizedText(zh: "农药登记证号", en: "pesticide registration number")
        case .specialEquipmentCode: LocalizedText(zh: "特种设备代码", en: "special-equipment code")
        case .useRegistrationNumber: LocalizedText(zh: "使用登记证编号", en: "use-registration number")
        case .unNumber: LocalizedText(zh: "联合国编号", en: "UN number")
        case .hazardClass: LocalizedText(zh: "危险货物类别", en: "hazard class")
        case .drugOperatingLicence: LocalizedText(zh: "药品经营许可证", en: "drug operating licence")
        case .pesticideOperatingLicence: LocalizedText(zh: "农药经营许可证", en: "pesticide operating licence")
        case .specialEquipmentLicence: LocalizedText(zh: "特种设备生产许可证", en: "special-equipment licence")
        case .foodProductionLicence: LocalizedText(zh: "食品生产许可证", en: "food production licence")
        case .foodBusinessLicence: LocalizedText(zh: "食品经营许可证", en: "food business licence")
        case .hazardousChemicalsLicence: LocalizedText(zh: "危险化学品经营许可证", en: "hazardous chemicals licence")
        case .dangerousGoodsTransportPermit:
            LocalizedText(zh: "道路危险货物运输许可证", en: "dangerous goods road transport permit")
        }
    }
}
