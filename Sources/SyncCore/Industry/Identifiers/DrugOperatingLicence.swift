/// A drug operating licence number (药品经营许可证编号, 药品经营和使用质量监督管理办法, 市场监管总局令第84号):
/// the province's abbreviation, a 2-letter class, the 4-digit area code the provincial authority assigns and a
/// 5-digit serial, e.g. 琼CA898100123. The class's first letter is A (wholesaler), B (retail-chain head office),
/// C (retail-chain store) or D (single pharmacy); its second is A (legal person) or B (branch, not a legal person).
public enum DrugOperatingLicence {
    static let businesses: Set<Character> = ["A", "B", "C", "D"]
    static let forms: Set<Character> = ["A", "B"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_licence_number`.
    public static func validate(_ input: String, field: String = "drug-operating-licence") throws -> String {
        let number = input.trimmingSpaces
        let c = Array(number)
        guard c.count == 12, ProvinceAbbreviation.contains(c[0]), businesses.contains(c[1]), forms.contains(c[2]),
              IdentifierScanning.isDigits(Substring(String(c[3...]))) else {
            throw TraceSyncError(
                .badLicenceNumber, field: field,
                zh: "药品经营许可证编号「\(input)」格式错误：应为省简称 + 2 位大写分类码（A 批发、B 连锁总部、C 连锁门店、D 单体药店；A 法人、B 非法人）+ 4 位地区代码 + 5 位序号，如 琼CA898100123，请对照许可证输入。",
                en: "drug operating licence \"\(input)\" is not valid: it is the province's abbreviation, a 2-letter class (A wholesale, B chain head office, C chain store, D pharmacy; A legal person, B branch), a 4-digit area code and a 5-digit serial, e.g. 琼CA898100123; copy it from the licence."
            )
        }
        return number
    }
}
