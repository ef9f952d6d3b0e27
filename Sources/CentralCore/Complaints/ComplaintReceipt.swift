public import SyncCore

/// The number a shopper gets for a complaint, `TS-` and 10 characters of Crockford's base32 (50 random bits, no I,
/// L, O or U): short enough to copy from a phone, too many to guess; it alone opens the complaint's status page.
public enum ComplaintReceipt {
    static let prefix = "TS-"
    /// Crockford's base32 alphabet.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 10

    /// A new random receipt number.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The receipt as stored, from what was typed (any case, with spaces or hyphens between the characters, `O`
    /// read as 0 and `I`/`L` as 1 as Crockford's base32 does), or nil when it cannot be one.
    public static func normalised(_ typed: String) -> String? {
        var text = typed.uppercased().filter { !$0.isWhitespace }
        if text.hasPrefix("TS") { text.removeFirst(2) }
        text = String(text.filter { $0 != "-" }.map { character -> Character in
            switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        })
        guard text.count == length, text.allSatisfy(alphabet.contains) else { return nil }
        return prefix + text
    }

    /// The refusal of a receipt number that names no complaint (or not one filed from this code).
    public static func unknown(_ typed: String) -> TraceSyncError {
        TraceSyncError(.unknownComplaint, field: "receipt",
                       zh: "查无此投诉回执号「\(typed)」：请核对回执号（TS- 加 10 位字母数字）。",
                       en: "no complaint has the receipt number \"\(typed)\": check it (TS- then 10 letters and digits).")
    }
}
