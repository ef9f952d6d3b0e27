/// The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015.
public enum CreditCode {
    /// The 31 characters a credit code may use (no I, O, Z, S, V), in the order that gives each its value.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights 3^(i-1) mod 31 for positions 1–17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Checks `input` and returns it upper-cased.
    /// - Throws: `TraceSyncError` `credit_code_format` or `credit_code_check`.
    public static func validate(_ input: String, field: String = "credit-code") throws -> String {
        let code = input.trimmingSpaces.uppercased()
        let characters = Array(code)
        guard characters.count == 18, characters.allSatisfy(alphabet.contains) else {
            throw TraceSyncError(
                .creditCodeFormat, field: field,
                zh: "统一社会信用代码格式错误：应为 18 位，由数字和大写字母（不含 I、O、Z、S、V）组成，收到「\(input)」。",
                en: "unified social credit code must be 18 characters of digits and capital letters (no I, O, Z, S, V), got \"\(input)\"."
            )
        }
        guard characters[17] == checkCharacter(for: characters.prefix(17)) else {
            throw TraceSyncError(
                .creditCodeCheck, field: field,
                zh: "统一社会信用代码校验位错误：「\(input)」有字符输错，请对照营业执照重新输入。",
                en: "unified social credit code check character does not match: \"\(input)\" has a mistyped character; copy it again from the business licence."
            )
        }
        return code
    }

    /// The check character for the first 17 characters.
    static func checkCharacter(for body: some Collection<Character>) -> Character {
        let sum = zip(body, weights).reduce(0) { $0 + alphabet.firstIndex(of: $1.0)! * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        // Most text has nothing to trim: it is returned as it is, without building a copy (an import trims every field).
        guard first?.isWhitespace == true || last?.isWhitespace == true else { return self }
        return String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
