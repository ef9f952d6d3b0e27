/// A licence number whose national form was not found (危险化学品经营许可证, 道路危险货物运输许可证): accepted as
/// printed if, without surrounding spaces, it is 6 to 40 characters, has at least one digit and no spaces, control
/// characters or lower-case Latin letters (a licence number is printed in capitals), e.g. 琼海应急经字〔2023〕000123.
public enum FreeTextLicence {
    /// Checks `input` and returns it without surrounding spaces; `zh` and `en` name the licence in messages.
    /// - Throws: `TraceSyncError` `bad_licence_number`.
    public static func validate(_ input: String, field: String, zh: String, en: String) throws -> String {
        let number = input.trimmingSpaces
        guard (6...40).contains(number.count), number.contains(where: \.isASCIIDigit),
              !number.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }),
              !IdentifierScanning.hasLowercase(number) else {
            throw TraceSyncError(
                .badLicenceNumber, field: field,
                zh: "\(zh)编号「\(input)」无效：应为许可证上印的编号，6 至 40 个字符，含数字，不含空格和小写字母，请对照许可证输入。",
                en: "\(en) number \"\(input)\" is not valid: enter it as printed on the licence, 6 to 40 characters with a digit, no spaces and no lower-case letters."
            )
        }
        return number
    }
}
