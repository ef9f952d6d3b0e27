/// What the merge rules decided for one entry.
public struct EntryDecision: Hashable, Sendable {
    public let verdict: Verdict
    public let reasonCode: String?
    public let message: LocalizedText?
    /// The event to merge, for an entry that is applied.
    public let event: RecordedEvent?
    /// Conflicts to open or add candidates to.
    public let conflicts: [ConflictFinding]
    /// True when the event waits for its batch's receipt (an orphan).
    public let heldForBatch: Bool
    /// For a duplicate operator: the existing operator the new id becomes an alias of.
    public let aliasOf: String?
    /// The event's batch with the event merged, when the batch was known or the event is its receipt: the store
    /// saves it without reading the batch's events again.
    public let batchAfter: BatchState?
    /// What writing the decision changes besides the entry (stored with its verdict and logged for pull) and its
    /// event: links, certificates, orphans, operators, conflicts, batch states, in the order to apply them.
    public let effects: [MergeEffect]

    package static func merged(
        _ event: RecordedEvent, conflicts: [ConflictFinding], heldForBatch: Bool, aliasOf: String?,
        batchAfter: BatchState?, effects: [MergeEffect]
    ) -> EntryDecision {
        let held = heldForBatch
            ? LocalizedText(zh: "批次的进场登记尚未到达服务器，本记录暂存，待批次到达后生效。",
                            en: "the batch's receipt has not reached the server; the event is held until it arrives.")
            : nil
        let conflictMessage = conflicts.isEmpty ? nil : LocalizedText(
            zh: "已接收，待管理员处理：" + conflicts.map(\.kind.label.zh).joined(separator: "、"),
            en: "applied; for an admin to settle: " + conflicts.map(\.kind.label.en).joined(separator: ", ")
        )
        return EntryDecision(
            verdict: conflicts.isEmpty ? .applied : .conflict,
            reasonCode: conflicts.first?.kind.rawValue ?? (heldForBatch ? "held_for_batch" : nil),
            message: conflictMessage ?? held, event: event, conflicts: conflicts, heldForBatch: heldForBatch,
            aliasOf: aliasOf, batchAfter: batchAfter, effects: effects
        )
    }

    /// A refusal; a personal number the message quotes from the entry is masked, since the message is stored.
    static func rejected(_ error: TraceSyncError) -> EntryDecision {
        let field = error.field.map { LocalizedText(zh: "（字段 \($0)）", en: " (field \($0))") }
        return EntryDecision(
            verdict: .rejected, reasonCode: error.code.rawValue,
            message: LocalizedText(zh: PersonalValues.masking(error.message.zh + (field?.zh ?? "")),
                                   en: PersonalValues.masking(error.message.en + (field?.en ?? ""))),
            event: nil, conflicts: [], heldForBatch: false, aliasOf: nil, batchAfter: nil, effects: []
        )
    }

    /// The verdict as sent to the device.
    public func entryVerdict(seq: Int64) -> EntryVerdict {
        EntryVerdict(seq: seq, verdict: verdict, reasonCode: reasonCode, message: message)
    }
}
