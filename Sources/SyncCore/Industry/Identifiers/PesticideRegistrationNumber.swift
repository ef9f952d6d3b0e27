/// A pesticide registration number (农药登记证号): PD (field use) or WP (public-health use) for a full
/// registration, LS or WL for a temporary one (no longer issued since 2017 but still printed on stock), followed by
/// the 4-digit year of registration and a 4-digit serial, e.g. PD20181234. Registrations from before 2000 read PD or
/// WP, the 2-digit year and a 3-digit serial, with an optional `-` and a variant number, e.g. PD85150-2.
public enum PesticideRegistrationNumber {
    static let prefixes = ["PD", "WP", "LS", "WL"]

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_pesticide_registration`.
    public static func validate(_ input: String, field: String = "pesticide-registration") throws -> String {
        let number = input.trimmingSpaces
        guard let prefix = prefixes.first(where: number.hasPrefix) else { throw refusal(input, field: field) }
        let digits = number.dropFirst(prefix.count)
        if digits.count == 8, IdentifierScanning.isDigits(digits), let year = Int(digits.prefix(4)),
           (1997...2099).contains(year) {
            return number
        }
        if ["PD", "WP"].contains(prefix), isLegacy(digits) { return number }
        throw refusal(input, field: field)
    }

    /// `85150` or `85150-2`: a 2-digit year from 1982 to 1999, a 3-digit serial, an optional variant.
    static func isLegacy(_ digits: Substring) -> Bool {
        let parts = digits.split(separator: "-", omittingEmptySubsequences: false)
        guard let main = parts.first, main.count == 5, IdentifierScanning.isDigits(main),
              let year = Int(main.prefix(2)), (82...99).contains(year) else { return false }
        return parts.count == 1 || (parts.count == 2 && parts[1].count <= 2 && IdentifierScanning.isDigits(parts[1]))
    }

    static func refusal(_ input: String, field: String) -> TraceSyncError {
        TraceSyncError(
            .badPesticideRegistration, field: field,
            zh: "农药登记证号「\(input)」格式错误：应为大写 PD、WP、LS 或 WL 加 4 位年份和 4 位序号，如 PD20181234（2000 年前的证号如 PD85150），请对照农药标签输入。",
            en: "pesticide registration number \"\(input)\" is not valid: it is a capital PD, WP, LS or WL, a 4-digit year and a 4-digit serial, e.g. PD20181234 (before 2000: e.g. PD85150); copy it from the label."
        )
    }
}
