public import SyncCore

/// An admin's change to a complaint (`POST /v1/admin/complaints/{id}`, the console's form, `admin complaints
/// answer`): take it up (`in_progress`) or answer it, with the reply the shopper will read and whether the complaint
/// is upheld.
public struct ComplaintAnswer: Codable, Hashable, Sendable {
    /// The most characters a reply may have.
    public static let maxReplyLength = 1_000

    public let status: ComplaintStatus
    public let reply: String?
    public let upheld: Bool?

    public init(status: ComplaintStatus, reply: String?, upheld: Bool?) {
        self.status = status
        self.reply = reply
        self.upheld = upheld
    }

    /// The answer checked: `received` cannot be set again; answering needs a plain-text reply and `upheld`.
    /// - Throws: `TraceSyncError` `bad_complaint_answer`, or `complaint_text` / `complaint_markup` for the reply.
    public func checked() throws -> ComplaintAnswer {
        let reply = try reply.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }.map {
            try PlainText.checked($0, field: "reply", maxLength: Self.maxReplyLength, what: LocalizedText(zh: "答复", en: "the reply"))
        }
        switch status {
        case .received:
            throw TraceSyncError(.badComplaintAnswer, field: "status",
                                 zh: "不能把投诉改回「已收到」：可设为 in_progress（处理中）或 answered（已答复）。",
                                 en: "a complaint cannot be set back to received: use in_progress or answered.")
        case .answered where reply == nil || upheld == nil:
            throw TraceSyncError(.badComplaintAnswer, field: reply == nil ? "reply" : "upheld",
                                 zh: "答复投诉须填写给消费者的答复（reply），并说明投诉是否属实（upheld：true 或 false）。",
                                 en: "answering a complaint needs the reply the shopper will read (reply) and whether it is upheld (upheld: true or false).")
        case .inProgress, .answered:
            return ComplaintAnswer(status: status, reply: reply, upheld: upheld)
        }
    }
}
