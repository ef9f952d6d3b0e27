public import CentralCore
public import SyncCore

/// The merged events of a batch, as stored (the push ledger writes them: `SQLitePushTransaction+Apply`).
extension CentralStore {
    /// The events the store has merged for batch `code`, oldest HLC first; empty when the batch is unknown.
    public func batchEvents(_ code: TraceCode) throws -> [RecordedEvent] {
        try database.query(
            "SELECT id, kind, hlc, author, body, sealed FROM events WHERE batch_code = ? ORDER BY hlc", code.digits
        ).map(recordedEvent)
    }
}
