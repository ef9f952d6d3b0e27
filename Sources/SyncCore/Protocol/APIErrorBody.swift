/// The body of every error response: a stable code, the field at fault, and a bilingual message.
public struct APIErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        public let code: String
        public let field: String?
        public let message: LocalizedText
    }

    public let error: Detail

    public init(code: String, field: String? = nil, message: LocalizedText) {
        self.error = Detail(code: code, field: field, message: message)
    }
}
