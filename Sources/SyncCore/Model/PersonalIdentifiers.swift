/// The 18-character resident identity card number (GB 11643), check character ISO 7064 MOD 11-2.
public enum ResidentID {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks = Array("10X98765432")

    /// Checks `input` and returns it with a capital X.
    public static func validate(_ input: String, field: String = "id-number") throws -> String {
        let number = input.trimmingSpaces.uppercased()
        let characters = Array(number)
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCIIDigit),
              characters[17].isASCIIDigit || characters[17] == "X",
              characters[17] == checks[zip(characters.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 } % 11]
        else {
            throw TraceSyncError(
                .badIdNumber, field: field,
                zh: "身份证号码无效：应为 18 位且校验位正确，请对照身份证重新输入。",
                en: "the resident ID number is not valid: it must have 18 characters and a matching check character; copy it again from the card."
            )
        }
        return number
    }
}

/// A mainland mobile phone number: 11 digits starting with 1.
public enum PhoneNumber {
    /// Checks `input` and returns its digits.
    public static func validate(_ input: String, field: String = "phone") throws -> String {
        let digits = String(input.filter { $0 != " " && $0 != "-" })
        guard digits.count == 11, digits.first == "1", digits.allSatisfy(\.isASCIIDigit) else {
            throw TraceSyncError(
                .badPhone, field: field,
                zh: "手机号码「\(input)」无效：应为以 1 开头的 11 位数字。",
                en: "phone number \"\(input)\" is not valid: use 11 digits starting with 1."
            )
        }
        return digits
    }
}
