/// A special-equipment device code (特种设备代码, TSG 08-2017 附件: 特种设备代码编号方法), the unit's code for life,
/// 18 characters with no spaces, e.g. 311046012202400157 for a passenger lift:
/// - the 4-character category of the 特种设备目录 (3110 traction passenger lift, 1100 steam boiler, 2150 class II
///   pressure vessel; its first character is 1–9 or F for safety accessories, and a few categories carry a capital
///   letter, e.g. 23T0 special gas cylinders);
/// - the maker's 5 digits: the 2-digit region of the authority that licensed it (10 for the national authority,
///   a GB/T 2260 province code otherwise, 46 for Hainan) and the 3-digit serial of its manufacturing licence;
/// - the 4-digit year of manufacture;
/// - the maker's 5-character serial: 5 digits, or a capital letter and 4 digits past 99999.
public enum SpecialEquipmentCode {
    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_equipment_code`.
    public static func validate(_ input: String, field: String = "equipment-code") throws -> String {
        let code = Array(input.trimmingSpaces)
        guard code.count == 18, isCategory(code[0..<4]), IdentifierScanning.isDigits(Substring(String(code[4..<13]))),
              let region = Int(String(code[4..<6])), region == 10 || (11...65).contains(region),
              let year = Int(String(code[9..<13])), (1950...2099).contains(year),
              isSerial(code[13..<18]) else {
            throw TraceSyncError(
                .badEquipmentCode, field: field,
                zh: "特种设备代码「\(input)」格式错误：应为 18 位（4 位设备品种代码 + 5 位制造单位代号 + 4 位制造年份 + 5 位制造顺序号），如 311046012202400157，请对照设备铭牌或使用登记证输入。",
                en: "special-equipment code \"\(input)\" is not valid: it is 18 characters (4-character category, 5-digit maker, 4-digit year of manufacture, 5-character serial), e.g. 311046012202400157; copy it from the nameplate or the registration certificate."
            )
        }
        return String(code)
    }

    /// `3110`, `2150`, `23T0`, `F220`: a digit 1–9 or F, then digits or capital letters.
    static func isCategory(_ characters: ArraySlice<Character>) -> Bool {
        guard let first = characters.first, ("1"..."9").contains(first) || first == "F" else { return false }
        return characters.dropFirst().allSatisfy { $0.isASCIIDigit || IdentifierScanning.isCapital($0) }
    }

    /// `00157` or `A0001`.
    static func isSerial(_ characters: ArraySlice<Character>) -> Bool {
        guard let first = characters.first, first.isASCIIDigit || IdentifierScanning.isCapital(first) else {
            return false
        }
        return characters.dropFirst().allSatisfy(\.isASCIIDigit)
    }
}
