/// A veterinary drug product approval number (兽药产品批准文号, 农业部令2015年第4号): the category 兽药字 (chemical
/// and traditional medicines, disinfectants), 兽药生字 (vaccines, sera, diagnostics) or 兽药添字 (medicated feed
/// additives), then 9 digits: the province's 2-digit number, the maker's 3-digit number and the product's 4-digit
/// number. Numbers issued before 2016 carry the year in brackets after the category, e.g. 兽药字（2015）220651234.
public enum VeterinaryDrugApprovalNumber {
    static let categories = ["兽药生字", "兽药添字", "兽药字"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_veterinary_approval`.
    public static func validate(_ input: String, field: String = "veterinary-approval") throws -> String {
        let number = input.trimmingSpaces
        guard let category = categories.first(where: number.hasPrefix) else { throw refusal(input, field: field) }
        var rest = number.dropFirst(category.count)
        if let open = rest.first, open == "(" || open == "（" {
            let year = rest.dropFirst().prefix(4)
            let close = rest.dropFirst(5).first
            guard year.count == 4, IdentifierScanning.isDigits(year), close == ")" || close == "）" else {
                throw refusal(input, field: field)
            }
            rest = rest.dropFirst(6)
        }
        guard rest.count == 9, IdentifierScanning.isDigits(rest) else { throw refusal(input, field: field) }
        return number
    }

    static func refusal(_ input: String, field: String) -> TraceSyncError {
        TraceSyncError(
            .badVeterinaryApproval, field: field,
            zh: "兽药批准文号「\(input)」格式错误：应为「兽药字」「兽药生字」或「兽药添字」加 9 位数字（旧证号在类别后有括号内的年份），如 兽药字220651234，请对照标签输入。",
            en: "veterinary drug approval number \"\(input)\" is not valid: it is 兽药字, 兽药生字 or 兽药添字 and 9 digits (older ones add the year in brackets), e.g. 兽药字220651234; copy it from the label."
        )
    }
}
