/// `POST /v1/sync/push`: journal entries in order from the last acknowledged seq + 1.
public struct PushRequest: Codable, Hashable, Sendable {
    public let entries: [JournalEntry]

    public init(entries: [JournalEntry]) { self.entries = entries }
}

/// How the server judged one entry (DESIGN.md §3).
public enum Verdict: String, Codable, Hashable, Sendable {
    /// Stored and merged.
    case applied
    /// Stored and merged, and a conflict opened for an admin.
    case conflict
    /// Stored but not merged, with a reason; still acknowledged so it never blocks the entries behind it.
    case rejected

    public var label: LocalizedText {
        switch self {
        case .applied: LocalizedText(zh: "已接收", en: "applied")
        case .conflict: LocalizedText(zh: "已接收，有冲突待处理", en: "applied with a conflict")
        case .rejected: LocalizedText(zh: "被拒收", en: "rejected")
        }
    }
}

/// The verdict on one entry, with the reason for a rejection or conflict.
public struct EntryVerdict: Codable, Hashable, Sendable {
    public let seq: Int64
    public let verdict: Verdict
    /// A stable reason code, e.g. `unknown_product`, `out_of_scope`.
    public let reasonCode: String?
    public let message: LocalizedText?

    public init(seq: Int64, verdict: Verdict, reasonCode: String? = nil, message: LocalizedText? = nil) {
        self.seq = seq
        self.verdict = verdict
        self.reasonCode = reasonCode
        self.message = message
    }
}

/// The answer to a push. Only this answer counts as success; a lost answer is safe to retry.
///
/// An empty push is answered too: it is how a device with nothing pending learns what the server holds.
public struct PushResponse: Codable, Hashable, Sendable {
    /// The highest seq the server has stored for the device. Lower than the device's own position after the server
    /// was restored from a backup: the device then sends again from the entry after it.
    public let ackedSeq: Int64
    /// A verdict for every entry of the request, replays included.
    public let verdicts: [EntryVerdict]
    /// The server store's generation (`CentralStore.generation()`); nil from a server older than generations.
    public let generation: String?

    public init(ackedSeq: Int64, verdicts: [EntryVerdict], generation: String? = nil) {
        self.ackedSeq = ackedSeq
        self.verdicts = verdicts
        self.generation = generation
    }
}
