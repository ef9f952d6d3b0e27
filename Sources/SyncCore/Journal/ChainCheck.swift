/// What is wrong with a journal, naming the first bad entry.
public struct ChainProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// An entry's content no longer matches its hash: it was edited, or moved to another position.
        case altered
        /// An entry's `prev` is not the previous entry's hash: an entry before it was replaced.
        case brokenLink = "broken_link"
        /// A sequence number is missing: an entry was removed.
        case missing
        /// The journal ends before the device's own records do: entries at its end were removed.
        case truncated
        /// A journal entry whose event is gone from the device's records.
        case eventMissing = "event_missing"
    }

    public let kind: Kind
    /// The sequence number of the first bad entry.
    public let seq: Int64
    /// For `truncated`: the last seq the device's records show was written.
    public let lastRecorded: Int64?
    /// For `truncated`: the events still recorded on the device whose entries were removed.
    public let eventIds: [String]

    public init(kind: Kind, seq: Int64, lastRecorded: Int64? = nil, eventIds: [String] = []) {
        self.kind = kind
        self.seq = seq
        self.lastRecorded = lastRecorded
        self.eventIds = eventIds
    }

    public var message: LocalizedText {
        switch kind {
        case .altered:
            LocalizedText(zh: "第 \(seq) 条日志记录与其哈希不符：内容被改动或顺序被调换。",
                          en: "journal entry #\(seq) does not match its hash: it was altered or moved.")
        case .brokenLink:
            LocalizedText(zh: "第 \(seq) 条日志记录的前序哈希不符：之前的记录被替换。",
                          en: "journal entry #\(seq) does not link to the entry before it: an earlier entry was replaced.")
        case .missing:
            LocalizedText(zh: "缺少第 \(seq) 条日志记录：记录被删除。",
                          en: "journal entry #\(seq) is missing: it was removed.")
        case .truncated: truncatedMessage
        case .eventMissing:
            LocalizedText(zh: "第 \(seq) 条日志记录的事件已从本设备的记录中删除。",
                          en: "the event of journal entry #\(seq) was removed from the device's records.")
        }
    }

    private var truncatedMessage: LocalizedText {
        let last = lastRecorded ?? seq
        let range = last > seq ? "\(seq)–\(last)" : "\(seq)"
        let events = eventIds.isEmpty ? LocalizedText(zh: "", en: "") : LocalizedText(
            zh: "；本地仍有其事件 \(eventIds.joined(separator: "、"))，但它们不会被上传",
            en: "; the device still holds their events \(eventIds.joined(separator: ", ")), which will not be uploaded"
        )
        return LocalizedText(
            zh: "日志末尾缺少第 \(range) 条记录：本设备已记录到第 \(last) 条，这些记录被删除\(events.zh)。请勿继续同步，联系管理员。",
            en: "journal entries #\(range) are missing from its end: the device recorded up to #\(last), and they were removed\(events.en). Do not sync; contact an admin."
        )
    }

    public var description: String { message.description }
}

/// Checks a hash chain entry by entry, in order.
public struct ChainCheck: Sendable {
    private var expectedSeq: Int64
    private var previousHash: String

    /// Starts a check at `seq` whose predecessor had hash `previousHash`.
    public init(startingAt seq: Int64 = 1, previousHash: String = JournalEntry.genesis) {
        self.expectedSeq = seq
        self.previousHash = previousHash
    }

    /// Feeds the next entry; returns the problem, if it has one.
    public mutating func check(_ entry: JournalEntry) -> ChainProblem? {
        if entry.seq != expectedSeq {
            return ChainProblem(kind: entry.seq > expectedSeq ? .missing : .altered, seq: expectedSeq)
        }
        if entry.expectedHash != entry.hash { return ChainProblem(kind: .altered, seq: entry.seq) }
        if entry.prev != previousHash { return ChainProblem(kind: .brokenLink, seq: entry.seq) }
        expectedSeq += 1
        previousHash = entry.hash
        return nil
    }

    /// The hash of the last entry that checked out.
    public var head: String { previousHash }
}
