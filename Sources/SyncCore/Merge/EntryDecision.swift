/// What the merge rules decided for one entry.
public struct EntryDecision: Hashable, Sendable {
    public let verdict: Verdict
    public let reasonCode: String?
    public let message: LocalizedText?
    /// The event to merge, for an entry that is applied.
    public let event: RecordedEvent?

    static func applied(_ event: RecordedEvent) -> EntryDecision {
        EntryDecision(verdict: .applied, reasonCode: nil, message: nil, event: event)
    }

    static func rejected(_ error: TraceSyncError) -> EntryDecision {
        let field = error.field.map { LocalizedText(zh: "（字段 \($0)）", en: " (field \($0))") }
        return EntryDecision(
            verdict: .rejected, reasonCode: error.code,
            message: LocalizedText(zh: error.message.zh + (field?.zh ?? ""), en: error.message.en + (field?.en ?? "")),
            event: nil
        )
    }

    /// The verdict as sent to the device.
    public func entryVerdict(seq: Int64) -> EntryVerdict {
        EntryVerdict(seq: seq, verdict: verdict, reasonCode: reasonCode, message: message)
    }
}
