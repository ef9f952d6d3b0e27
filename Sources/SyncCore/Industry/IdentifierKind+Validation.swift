extension IdentifierKind {
    /// Checks `value` with this kind's validator and returns it as stored (without surrounding spaces; a credit
    /// code upper-cased). `field` names the input in the refusal; by default the kind's raw value.
    /// - Throws: the validator's `TraceSyncError`.
    public func validate(_ value: String, field: String? = nil) throws -> String {
        let field = field ?? rawValue
        switch self {
        case .creditCode: return try CreditCode.validate(value, field: field)
        case .drugApprovalNumber: return try DrugApprovalNumber.validate(value, field: field)
        case .drugTraceCode: return try DrugTraceCode.validate(value, field: field)
        case .veterinaryDrugApprovalNumber: return try VeterinaryDrugApprovalNumber.validate(value, field: field)
        case .pesticideRegistrationNumber: return try PesticideRegistrationNumber.validate(value, field: field)
        case .specialEquipmentCode: return try SpecialEquipmentCode.validate(value, field: field)
        case .useRegistrationNumber: return try UseRegistrationNumber.validate(value, field: field)
        case .unNumber: return try UNNumber.validate(value, field: field)
        case .hazardClass: return try HazardClass.validate(value, field: field)
        case .drugOperatingLicence: return try DrugOperatingLicence.validate(value, field: field)
        case .pesticideOperatingLicence: return try PesticideOperatingLicence.validate(value, field: field)
        case .specialEquipmentLicence: return try SpecialEquipmentLicence.validate(value, field: field)
        case .foodProductionLicence: return try FoodProductionLicence.validate(value, field: field)
        case .foodBusinessLicence: return try FoodBusinessLicence.validate(value, field: field)
        case .hazardousChemicalsLicence, .dangerousGoodsTransportPermit:
            return try FreeTextLicence.validate(value, field: field, zh: label.zh, en: label.en)
        }
    }
}
