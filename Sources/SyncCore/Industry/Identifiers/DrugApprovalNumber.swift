/// A drug approval number (药品批准文号), e.g. 国药准字H46020123: 国药准字, a category letter (H chemical drugs,
/// Z traditional Chinese medicines, S biological products, J imported drugs packaged in China) and 8 digits. Numbers
/// issued since the 2020 drug registration rules may carry a second letter for imports: C (Hong Kong, Macao, Taiwan)
/// or J (abroad), e.g. 国药准字HJ20200011.
public enum DrugApprovalNumber {
    static let prefix = "国药准字"
    static let categories: Set<Character> = ["H", "Z", "S", "J"]
    static let importMarks: Set<Character> = ["C", "J"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_drug_approval_number`.
    public static func validate(_ input: String, field: String = "drug-approval-number") throws -> String {
        let number = input.trimmingSpaces
        guard let rest = IdentifierScanning.dropping(prefix, from: number), let category = rest.first,
              categories.contains(category) else {
            throw refusal(input, field: field)
        }
        var digits = rest.dropFirst()
        if let mark = digits.first, importMarks.contains(mark), category != "J" { digits = digits.dropFirst() }
        guard digits.count == 8, IdentifierScanning.isDigits(digits) else { throw refusal(input, field: field) }
        return number
    }

    static func refusal(_ input: String, field: String) -> TraceSyncError {
        TraceSyncError(
            .badDrugApprovalNumber, field: field,
            zh: "药品批准文号「\(input)」格式错误：应为「国药准字」加大写字母 H、Z、S 或 J 和 8 位数字（进口药品在字母后加 C 或 J），如 国药准字H46020123，请对照药盒或说明书输入。",
            en: "drug approval number \"\(input)\" is not valid: it is 国药准字, a capital H, Z, S or J (imports add C or J) and 8 digits, e.g. 国药准字H46020123; copy it from the box or leaflet."
        )
    }
}
