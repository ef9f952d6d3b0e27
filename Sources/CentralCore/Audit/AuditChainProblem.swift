public import SyncCore

/// The first record of the audit log that fails verification.
public struct AuditChainProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the record.
    public enum Kind: String, Hashable, Sendable {
        /// The record's content no longer matches its hash: it was edited.
        case altered
        /// The record's `prev` is not the hash of the record before it: that record was replaced.
        case brokenLink = "broken_link"
        /// The record is gone: it was deleted outside the retention purge.
        case missing
        /// The record a head recorded outside the database names has another hash: the log was rebuilt from this
        /// record or an earlier one.
        case headMismatch = "head_mismatch"
    }

    /// What is wrong.
    public let kind: Kind
    /// The number of the first bad (or missing) record.
    public let seq: Int64

    /// Creates a finding.
    public init(kind: Kind, seq: Int64) {
        self.kind = kind
        self.seq = seq
    }

    /// The finding in Chinese and English.
    public var message: LocalizedText {
        switch kind {
        case .altered:
            LocalizedText(zh: "审计记录 #\(seq) 与其哈希不符：内容被改动。",
                          en: "audit record #\(seq) does not match its hash: it was altered.")
        case .brokenLink:
            LocalizedText(zh: "审计记录 #\(seq) 的前序哈希不符：之前的记录被替换。",
                          en: "audit record #\(seq) does not link to the record before it: an earlier record was replaced.")
        case .missing:
            LocalizedText(zh: "缺少审计记录 #\(seq)：记录在保留期清理之外被删除。",
                          en: "audit record #\(seq) is missing: it was deleted outside the retention purge.")
        case .headMismatch:
            LocalizedText(zh: "审计记录 #\(seq) 与记录在案的链头不符：日志自该记录或更早处被重写。",
                          en: "audit record #\(seq) is not the chain head recorded for it: the log was rewritten from that record or earlier.")
        }
    }

    public var description: String { message.description }
}
