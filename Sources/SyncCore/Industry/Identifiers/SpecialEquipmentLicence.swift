/// A special-equipment production licence number (特种设备生产许可证编号), held by makers and by the units that
/// install, alter and repair equipment (a lift maintenance unit), e.g. TS3346012-2027: TS, the activity's digit
/// (2 manufacturing, 3 installation, alteration and repair), the equipment kind's digit (2 pressure vessels, 3 lifts,
/// 4 cranes …), the 2-digit region of the licensing authority (10 national, 46 Hainan), the unit's 3-digit serial,
/// then a dash and the 4-digit year the licence expires (TSG 08-2017 附件 shows TS2210890-2015).
public enum SpecialEquipmentLicence {
    static let dashes: Set<Character> = ["-", "—", "－"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_licence_number`.
    public static func validate(_ input: String, field: String = "special-equipment-licence") throws -> String {
        let number = input.trimmingSpaces
        let c = Array(number)
        guard c.count == 14, c[0] == "T", c[1] == "S", IdentifierScanning.isDigits(Substring(String(c[2..<9]))),
              dashes.contains(c[9]), IdentifierScanning.isDigits(Substring(String(c[10...]))) else {
            throw TraceSyncError(
                .badLicenceNumber, field: field,
                zh: "特种设备生产许可证编号「\(input)」格式错误：应为大写 TS + 7 位数字 + 短横线 + 4 位有效期年份，如 TS3346012-2027，请对照许可证输入。",
                en: "special-equipment licence \"\(input)\" is not valid: it is a capital TS, 7 digits, a dash and the 4-digit year it expires, e.g. TS3346012-2027; copy it from the licence."
            )
        }
        return number
    }
}
