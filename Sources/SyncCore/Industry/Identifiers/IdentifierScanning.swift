/// Small character tests the identifier validators share.
enum IdentifierScanning {
    /// Whether every character of `text` is an ASCII digit (and there is at least one).
    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCIIDigit)
    }

    /// Whether `text` has an ASCII lower-case letter, which an identifier printed in capitals never has.
    static func hasLowercase(_ text: String) -> Bool {
        text.contains { $0.isASCII && $0.isLowercase }
    }

    /// Whether `character` is an ASCII capital letter.
    static func isCapital(_ character: Character) -> Bool {
        character.isASCII && character.isUppercase
    }

    /// `text` with the prefix `prefix` removed, or nil if it does not start with it.
    static func dropping(_ prefix: String, from text: String) -> Substring? {
        text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : nil
    }
}
