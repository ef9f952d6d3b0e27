public import CentralCore
public import SyncCore

/// The audit log's tables: the log itself, append-only by trigger, and the gate the retention purge opens to
/// delete the records it has anchored.
enum AuditSchema {
    static let sql = """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            outcome TEXT NOT NULL,
            source TEXT,
            status INTEGER,
            detail TEXT,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_at ON audit_log (at);
        CREATE TABLE audit_purge_gate (through_seq INTEGER NOT NULL);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE OLD.seq <= through_seq)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: records leave only by the retention purge'); END;
        """
}
