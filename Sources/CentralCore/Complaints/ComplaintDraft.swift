public import SyncCore

/// What a shopper's form holds once checked: a category from the list, plain text within its length, and a phone
/// number that is one, or none. Nothing here is stored yet.
public struct ComplaintDraft: Hashable, Sendable {
    /// The most characters the text may have.
    public static let maxTextLength = 1_000

    public let category: ComplaintCategory
    public let text: String
    /// Digits only (a leading +86 dropped), or nil when the shopper left none.
    public let phone: String?

    /// Checks what the form sent, as typed.
    /// - Throws: `TraceSyncError` `complaint_category`, `complaint_text`, `complaint_markup` or `complaint_phone`,
    ///   each naming its field and saying what to change.
    public init(category: String?, text: String?, phone: String?) throws {
        guard let category = category.flatMap(ComplaintCategory.init(rawValue:)) else {
            let allowed = ComplaintCategory.allCases.map { "\($0.label.zh)" }.joined(separator: "、")
            throw TraceSyncError(.complaintCategory, field: "category",
                                 zh: "请选择问题类型（\(allowed)）。",
                                 en: "choose what the problem is: \(ComplaintCategory.allCases.map(\.label.en).joined(separator: ", ")).")
        }
        self.category = category
        self.text = try PlainText.checked(text ?? "", field: "text", maxLength: Self.maxTextLength,
                                          what: LocalizedText(zh: "问题描述", en: "the description"))
        self.phone = try Self.phone(phone)
    }

    /// A mainland mobile number (11 digits from 13…19) or a landline with its area code (0 and 9–11 more digits);
    /// spaces, hyphens, brackets and +86 allowed. Blank is none.
    static func phone(_ typed: String?) throws -> String? {
        guard let typed, !typed.allSatisfy(\.isWhitespace) else { return nil }
        var digits = typed.filter { !" -()（）".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) }
        let mobile = digits.count == 11 && digits.hasPrefix("1") && !digits.hasPrefix("10") && !digits.hasPrefix("11")
            && !digits.hasPrefix("12")
        let landline = (10...12).contains(digits.count) && digits.hasPrefix("0") && !digits.hasPrefix("00")
        guard digits.allSatisfy(\.isASCIIDigit), mobile || landline else {
            throw TraceSyncError(.complaintPhone, field: "phone",
                                 zh: "电话号码无效：请填写 11 位手机号（如 138 1234 5678）或带区号的固话（如 0898-6652 0173），也可以不填。",
                                 en: "the phone number is not valid: give an 11-digit mobile number (e.g. 138 1234 5678) or a landline with its area code (e.g. 0898-6652 0173), or leave it blank.")
        }
        return digits
    }
}
