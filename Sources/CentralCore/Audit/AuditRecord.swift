public import SyncCore

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
    /// HMAC-SHA256 (hex) under the audit key (`AuditKey`) of the record's canonical content, `prev` included;
    /// for the records of a log from before the keyed chain (up to its `audit.chain.keyed` record), the plain
    /// SHA-256 of the same content with `"v": 1`.
    public let hash: String

    /// The `prev` of the first record ever written.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash the record's content should have: keyed under `key`, or the unkeyed form when `key` is nil.
    package func expectedHash(under key: AuditKey?) -> String {
        key.map { Self.keyedHash(seq: seq, at: at, event: event, prev: prev, key: $0) }
            ?? Self.unkeyedHash(seq: seq, at: at, event: event, prev: prev)
    }

    /// The hash of a record written now: HMAC-SHA256 under the audit key of the canonical content with `"v": 2`.
    package static func keyedHash(seq: Int64, at: Int64, event: AuditEvent, prev: String, key: AuditKey) -> String {
        key.authenticationCode(for: content(seq: seq, at: at, event: event, prev: prev, version: 2).canonicalBytes)
    }

    /// The hash records had before the chain was keyed, which anyone can recompute: SHA-256 (hex) of the canonical
    /// JSON of a record's fields with `"v": 1` (RFC 8785, as journal entries are hashed).
    static func unkeyedHash(seq: Int64, at: Int64, event: AuditEvent, prev: String) -> String {
        SHA256Hex.of(content(seq: seq, at: at, event: event, prev: prev, version: 1).canonicalBytes)
    }

    private static func content(seq: Int64, at: Int64, event: AuditEvent, prev: String, version: Int64) -> JSONValue {
        .object([
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
            "v": .integer(version),
        ])
    }

    package init(seq: Int64, at: Int64, event: AuditEvent, prev: String, hash: String) {
        self.seq = seq
        self.at = at
        self.event = event
        self.prev = prev
        self.hash = hash
    }
}
