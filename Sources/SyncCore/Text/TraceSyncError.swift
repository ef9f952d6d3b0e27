/// A refusal of bad input: a stable code scripts can match, the field at fault, and a message that says what is
/// wrong and what to do, in both languages.
public struct TraceSyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable reason, e.g. ``Code/unknownProduct``.
    public let code: Code
    /// The input field at fault, if one is.
    public let field: String?
    /// What is wrong and what to do.
    public let message: LocalizedText
    /// On ``Code/seqGap``: the seq the server has stored for the device, which the device sends again after.
    public let ackedSeq: Int64?

    /// A refusal with `code`, the `field` at fault, and the message in Chinese and English.
    public init(_ code: Code, field: String? = nil, zh: String, en: String, ackedSeq: Int64? = nil) {
        self.code = code
        self.field = field
        self.message = LocalizedText(zh: zh, en: en)
        self.ackedSeq = ackedSeq
    }

    public var description: String { message.description }
}
