public import SyncCore

/// The write side of the central store: where pushes and the server's own journal are written (DESIGN.md §6).
/// A backend (SQLite today, PostgreSQL next) conforms; `PushCoordinator` and `ServerJournal` call it and hold no
/// SQL.
///
/// Guarantees every backend gives:
/// - **One write transaction at a time.** `write(_:)` runs its body in a transaction that sees every earlier
///   commit and none that is not committed; all it writes commits together or not at all (a thrown error rolls
///   it back). Called inside another write it joins that transaction.
/// - **Writes serialised per device and per node.** Two writes that touch the same device's journal or the same
///   node's batches, operators or conflicts never interleave: the second starts from the first's result, so a
///   device's acknowledged seq and head, a batch's state and a conflict's candidates are read and written without
///   a lost update.
/// - **Log positions in commit order.** The positions `apply(_:)` gives its log rows (entries, conflicts) are
///   greater than every position of a write that committed before it, and become visible to pull only when the
///   write commits, all at once: a pull cursor that has read position p never later finds a row below p.
package protocol PushLedger: AnyObject {
    /// Seals a document's personal values before it is written; used to seal payloads before the write.
    var personalDataCipher: PersonalDataCipher { get }

    /// Runs `body` in the one write transaction (see the guarantees above); returns what it returns.
    func write<T>(_ body: (any PushLedgerTransaction) throws -> T) throws -> T
}

/// What a push reads and writes inside its write transaction.
package protocol PushLedgerTransaction {
    /// The device's acknowledged seq and the hash of its entry at that seq (`JournalEntry.genesis` for none).
    func head(device: String) throws -> JournalHead
    /// The stored hash and verdict of each of the device's entries with a seq in `seqs`.
    func storedVerdicts(device: String, seqs: ClosedRange<Int64>) throws -> [Int64: StoredVerdict]
    /// Records an integrity violation for admins.
    func recordViolation(_ violation: IntegrityViolation) throws
    /// The events held for their batch's receipt that are not flagged as orphans yet, oldest first.
    func unflaggedOrphans() throws -> [HeldOrphan]
    /// The events of `unflaggedOrphans()` received before `cutoff` (`OrphanTimeout.cutoff`), oldest first: what a
    /// push reads to apply the orphan timeout, so a backend answers it from an index on the received time without
    /// reading the orphans still within their time.
    func unflaggedOrphans(receivedBefore cutoff: Int64) throws -> [HeldOrphan]
    /// What the merge rules need to decide entries that refer to `needs`, as the store holds it now.
    func inputs(for needs: MergeNeeds) throws -> MergeInputs
    /// The last entry of the server's own journal and the highest HLC of any stored entry.
    func serverJournalHead() throws -> (head: JournalHead, latestHLC: HLCTimestamp?)
    /// Writes a decided push: its entries, verdicts, events and effects, and the device's new head.
    func apply(_ write: LedgerWrite) throws
    /// The store's generation, sent with every push answer.
    func generation() throws -> String
}

extension PushLedgerTransaction {
    /// Reads every unflagged orphan and keeps those received before `cutoff`: correct for any backend, which
    /// answers it from an index instead where it has one.
    package func unflaggedOrphans(receivedBefore cutoff: Int64) throws -> [HeldOrphan] {
        try unflaggedOrphans().filter { $0.receivedAt < cutoff }
    }
}
