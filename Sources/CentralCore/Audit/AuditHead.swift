public import SyncCore

/// The head of the audit chain at one moment: the last record's number and hash.
///
/// Recorded outside the database — in every backup manifest and in the server's log at start and hourly
/// (`audit chain head … head=SEQ:HASH`) — so `admin audit verify` can tell a log whose tail was cut off, or that was
/// rebuilt from an older copy, from the log as it was. Its text form is `SEQ:HASH`.
public struct AuditHead: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The number of the last record.
    public let seq: Int64
    /// Its hash.
    public let hash: String

    /// A head from its parts.
    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// A head from its text form `SEQ:HASH` (64 hex digits), as the server logs it.
    /// - Throws: `bad_audit_head` naming `field` when the text is not of that form.
    public init(text: String, field: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else {
            throw TraceSyncError(
                .badAuditHead, field: field,
                zh: "审计链头 \(text) 的格式不对：应为「序号:哈希」，如服务器日志 audit chain head 一行中的 head=… 值。",
                en: "the audit chain head \(text) is not of the form SEQ:HASH: give the head=… value of an 'audit chain head' line of the server's log."
            )
        }
        self.init(seq: seq, hash: String(parts[1]))
    }

    /// `SEQ:HASH`.
    public var description: String { "\(seq):\(hash)" }
}
