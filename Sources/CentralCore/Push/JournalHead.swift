public import SyncCore

/// Where a journal stands on the server: its last stored seq and that entry's hash.
package struct JournalHead: Hashable, Sendable {
    package let seq: Int64
    package let hash: String

    package init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// A journal with nothing stored.
    package static let empty = JournalHead(seq: 0, hash: JournalEntry.genesis)
}

/// An entry as stored: its hash and the verdict it got, answered again when the entry is replayed.
package struct StoredVerdict: Hashable, Sendable {
    package let hash: String
    package let verdict: EntryVerdict

    package init(hash: String, verdict: EntryVerdict) {
        self.hash = hash
        self.verdict = verdict
    }
}

/// A pushed entry that contradicts the device's journal: shown to admins.
package struct IntegrityViolation: Hashable, Sendable {
    package enum Kind: String, Sendable {
        /// A stored seq offered again with another hash.
        case hashMismatch = "hash_mismatch"
        /// The entry does not match its own hash.
        case badHash = "bad_hash"
        /// The entry does not link to the previous entry's hash.
        case brokenChain = "broken_chain"
    }

    package let deviceId: String
    package let seq: Int64
    package let kind: Kind
    package let storedHash: String?
    package let offeredHash: String
    package let detectedAt: Int64
}
