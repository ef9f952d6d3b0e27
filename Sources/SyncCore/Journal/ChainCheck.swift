/// What is wrong with a journal, naming the first bad entry.
public struct ChainProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// An entry's content no longer matches its hash: it was edited, or moved to another position.
        case altered
        /// An entry's `prev` is not the previous entry's hash: an entry before it was replaced.
        case brokenLink = "broken_link"
        /// A sequence number is missing: an entry was removed.
        case missing
    }

    public let kind: Kind
    /// The sequence number of the first bad entry.
    public let seq: Int64

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
        }
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
