/// A special-equipment use-registration certificate number (特种设备使用登记证编号), as printed on certificates
/// issued under TSG 08-2017, e.g. 梯11琼A00023(19): the equipment's kind as one character (锅 boiler, 容 pressure
/// vessel, 瓶 gas cylinder, 管 pressure piping, 梯 lift, 起 crane, 索 passenger ropeway, 游 amusement ride, 车 site
/// vehicle), its 2-digit category, the province's abbreviation, the registering city's capital letter, a 5-digit
/// serial and the 2-digit year in brackets (ASCII or full-width).
public enum UseRegistrationNumber {
    static let kinds: Set<Character> = ["锅", "容", "瓶", "管", "梯", "起", "索", "游", "车"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_use_registration`.
    public static func validate(_ input: String, field: String = "use-registration") throws -> String {
        let number = input.trimmingSpaces
        let c = Array(number)
        guard c.count == 14, kinds.contains(c[0]), IdentifierScanning.isDigits(Substring(String(c[1..<3]))),
              ProvinceAbbreviation.contains(c[3]), IdentifierScanning.isCapital(c[4]),
              IdentifierScanning.isDigits(Substring(String(c[5..<10]))),
              c[10] == "(" || c[10] == "（", IdentifierScanning.isDigits(Substring(String(c[11..<13]))),
              c[13] == ")" || c[13] == "）" else {
            throw TraceSyncError(
                .badUseRegistration, field: field,
                zh: "使用登记证编号「\(input)」格式错误：应为设备种类（锅、容、瓶、管、梯、起、索、游、车）+ 2 位类别 + 省简称 + 地市字母 + 5 位序号 + 括号内 2 位年份，如 梯11琼A00023(19)，请对照使用登记证输入。",
                en: "use-registration number \"\(input)\" is not valid: it is the equipment kind (锅, 容, 瓶, 管, 梯, 起, 索, 游, 车), a 2-digit category, the province's abbreviation, the city's capital letter, a 5-digit serial and the 2-digit year in brackets, e.g. 梯11琼A00023(19); copy it from the certificate."
            )
        }
        return number
    }
}
