public import SyncCore

/// A push's entries checked against their hashes, decoded and sealed — the part of a push that needs no database —
/// ready for the store's writer (`CentralStore.push(device:verified:)`).
///
/// A server makes it on the request's own thread (`PushVerifier`), so that while the one writer applies a push, the
/// other cores check the next ones.
public struct VerifiedPush: Sendable {
    package let entries: [VerifiedEntry]

    /// The entries as pushed.
    public var journalEntries: [JournalEntry] { entries.map(\.entry) }
}

/// Checks pushes for a store, on any thread: it holds only the store's data key.
public struct PushVerifier: Sendable {
    package let cipher: PersonalDataCipher

    package init(cipher: PersonalDataCipher) {
        self.cipher = cipher
    }

    /// Checks, decodes and seals `entries` (in parallel for a large push).
    public func verify(_ entries: [JournalEntry]) throws -> VerifiedPush {
        VerifiedPush(entries: try VerifiedEntry.verify(entries, cipher: cipher))
    }
}
