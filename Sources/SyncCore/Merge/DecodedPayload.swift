/// An entry's payload read as its typed event, or the refusal it earns: the part of the merge that depends on the
/// entry alone, so a push can decode its entries before its write transaction, in parallel.
public enum DecodedPayload: Hashable, Sendable {
    case event(RecordedEvent)
    /// The payload is not a well-formed event of its kind (missing or mistyped members, unknown members).
    case refused(TraceSyncError)

    /// Decodes `entry`'s payload and refuses members its kind does not have (members set to null are tolerated).
    public init(_ entry: JournalEntry) {
        do {
            let decoded = try EventBody.decode(kind: entry.kind, payload: entry.payload)
            try Self.checkNoUnknownFields(entry.payload, body: decoded.body, id: decoded.id)
            self = .event(RecordedEvent(id: decoded.id, hlc: entry.hlc, author: entry.author, body: decoded.body))
        } catch let error as TraceSyncError {
            self = .refused(error)
        } catch let error as DecodingError {
            self = .refused(Self.badPayload(error))
        } catch {
            self = .refused(TraceSyncError(.badPayload, field: "payload", zh: "记录内容无法读取。",
                                           en: "the payload cannot be read."))
        }
    }

    /// The event, when the payload is one.
    public var event: RecordedEvent? {
        if case .event(let event) = self { event } else { nil }
    }

    private static func checkNoUnknownFields(_ payload: JSONValue, body: EventBody, id: String) throws {
        guard case .object(let sent) = payload, case .object(let known) = try body.payload(id: id) else { return }
        if let extra = sent.keys.sorted().first(where: { known[$0] == nil && sent[$0] != .null }) {
            throw TraceSyncError(.unknownField, field: "payload.\(extra)",
                                 zh: "记录中有未知字段「\(extra)」。", en: "the payload has an unknown field \"\(extra)\".")
        }
    }

    private static func badPayload(_ error: DecodingError) -> TraceSyncError {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        let field = (["payload"] + path.map(\.stringValue)).joined(separator: ".")
        return TraceSyncError(.badPayload, field: field,
                              zh: "记录字段 \(field) 缺失或类型错误。", en: "the payload field \(field) is missing or has the wrong type.")
    }
}
