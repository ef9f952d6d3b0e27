/// The body of every error response: a stable code, the field at fault, and a bilingual message.
public struct APIErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        public let code: String
        public let field: String?
        public let message: LocalizedText
        /// On `seq_gap`: the seq the server has stored for the device, so it can send again from the one after.
        public let ackedSeq: Int64?
    }

    public let error: Detail

    public init(code: String, field: String? = nil, message: LocalizedText, ackedSeq: Int64? = nil) {
        self.error = Detail(code: code, field: field, message: message, ackedSeq: ackedSeq)
    }
}
