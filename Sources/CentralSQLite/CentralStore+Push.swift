public import CentralCore
public import SyncCore

/// Receiving a device's journal (DESIGN.md §3): `PushCoordinator` plans, decides and writes it through this
/// store's ledger (`CentralStore+PushLedger`).
extension CentralStore {
    /// Stores and merges entries pushed by `device`, in order from its acknowledged seq + 1.
    ///
    /// Every entry gets a verdict stored in the same transaction as the entry and the new acknowledged seq. A replay
    /// of an accepted entry returns its stored verdict and changes nothing. The answer, for an empty push too, carries
    /// the acknowledged seq and the store's generation.
    /// - Throws: `TraceSyncError` `integrity_violation` (a stored seq offered with another hash, an entry that does
    ///   not match its hash or breaks the chain; recorded for admins), `seq_gap` (an entry past acknowledged + 1;
    ///   carries the acknowledged seq), `wrong_device`. Nothing of the request is stored then, except the violation
    ///   record.
    public func push(device: DeviceRecord, entries: [JournalEntry]) throws -> PushResponse {
        try PushCoordinator.push(
            deviceId: device.id, node: device.node, entries: entries, ledger: self,
            context: mergeContext(receivedAt: clock()), orphanTimeout: orphanTimeout
        )
    }

    /// `push(device:entries:)` for entries the server checked, decoded and sealed already (`verifier`), off the
    /// thread that owns the store.
    public func push(device: DeviceRecord, verified: VerifiedPush) throws -> PushResponse {
        try PushCoordinator.push(
            deviceId: device.id, node: device.node, verified: verified.entries, ledger: self,
            context: mergeContext(receivedAt: clock()), orphanTimeout: orphanTimeout
        )
    }

    /// Checks pushes for this store on any thread: `verify(_:)` makes the `VerifiedPush` that
    /// `push(device:verified:)` takes.
    public var pushVerifier: PushVerifier { PushVerifier(cipher: personalData) }
}
