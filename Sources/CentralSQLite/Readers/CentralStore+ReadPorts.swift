public import CentralCore
public import SyncCore

/// The SQLite backend of the read ports. Each call is one read; a caller that makes several and needs them to agree
/// runs them in `inSnapshot(_:)`, as the server's readers do for every request.
extension CentralStore: PullLog, DeviceRegistry, TraceReader, ExportReader, AdminDirectory, AuditReader, ComplaintReader,
    FindingReader, EquipmentReader, StoreHealth {
    public func batchState(_ code: TraceCode) throws -> BatchState? {
        BatchState.derive(code: code, events: try batchEvents(code))
    }

    public func conflictQueue(status: ConflictStatus?, kind: ConflictKind?, node: String?) throws -> [ConflictRecord] {
        try database.query(
            """
            SELECT id FROM conflicts WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR kind = ?2)
            AND (?3 IS NULL OR node = ?3) ORDER BY id DESC
            """,
            status?.rawValue, kind?.rawValue, node
        ).map { try conflict(try $0.integer("id")) }
    }

    public func overdueOrphansWaiting(now: Int64) throws -> Bool {
        try database.row("SELECT 1 FROM orphans WHERE flagged = 0 AND received_at < ? LIMIT 1",
                         OrphanTimeout.cutoff(now: now, timeout: orphanTimeout)) != nil
    }
}
