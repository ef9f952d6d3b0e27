/// An audit event as the log keeps it: numbered, timed and chained to the record before it.
public struct AuditRecord: Sendable, Equatable, Encodable {
    /// The record's position in the log, from 1, never reused (purged numbers stay gone).
    public let seq: Int64
    /// When it was recorded, milliseconds since 1970 by the server's clock.
    public let at: Int64
    /// What happened.
    public let event: AuditEvent
    /// The hash of the record before it (64 zeros for the first record ever; the purge anchor after a purge).
    public let prev: String
    /// SHA-256 (hex) of the record's canonical content, `prev` included.
    public let hash: String

    /// The `prev` of the first record ever written.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash the record's content should have.
    public var expectedHash: String {
        Self.hash(seq: seq, at: at, event: event, prev: prev)
    }

    /// SHA-256 (hex) of the canonical JSON of a record's fields (RFC 8785, as journal entries are hashed).
    static func hash(seq: Int64, at: Int64, event: AuditEvent, prev: String) -> String {
        let content: JSONValue = .object([
            "action": .string(event.action),
            "actor": .string(event.actor),
            "at": .integer(at),
            "detail": event.detail.map(JSONValue.string) ?? .null,
            "outcome": .string(event.outcome.rawValue),
            "prev": .string(prev),
            "seq": .integer(seq),
            "source": event.source.map(JSONValue.string) ?? .null,
            "status": event.status.map { .integer(Int64($0)) } ?? .null,
            "target": event.target.map(JSONValue.string) ?? .null,
            "v": .integer(1),
        ])
        return SHA256Hex.of(content.canonicalBytes)
    }
}
