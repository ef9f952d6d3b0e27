public import CentralCore
public import SyncCore

extension CentralStore {
    /// Appends one record to the audit log, chained to the last one, keyed under the audit key, timed by `clock`.
    ///
    /// Runs in the caller's transaction if there is one, so an act and its record commit together.
    public func audit(_ event: AuditEvent) throws {
        try appendAudit(event, prevWhenEmpty: AuditRecord.genesis)
    }

    /// Appends a record linked to the last one, or to `prevWhenEmpty` when the log holds none (a purge that removed
    /// every record links its own record to the last purged hash).
    func appendAudit(_ event: AuditEvent, prevWhenEmpty: String) throws {
        try database.inTransaction {
            let last = try database.row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            let highest = try database.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
            let prev = last?.string("hash") ?? prevWhenEmpty
            let seq = highest + 1
            let at = clock()
            try database.run(
                """
                INSERT INTO audit_log (seq, at, actor, action, target, outcome, source, status, detail, prev, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                seq, at, event.actor, event.action, event.target, event.outcome.rawValue, event.source,
                event.status, event.detail, prev,
                AuditRecord.keyedHash(seq: seq, at: at, event: event, prev: prev, key: auditKey)
            )
        }
    }

    /// Audit records in log order, filtered; every filter is optional.
    /// - Parameters:
    ///   - since: records at or after this time (milliseconds).
    ///   - until: records before this time (milliseconds).
    ///   - actor: records of exactly this actor.
    ///   - action: records of this action, or of its dotted sub-actions (`auth` matches `auth.login`).
    public func auditRecords(
        since: Int64? = nil, until: Int64? = nil, actor: String? = nil, action: String? = nil
    ) throws -> [AuditRecord] {
        try database.query(
            """
            SELECT * FROM audit_log
            WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) AND (?3 IS NULL OR actor = ?3)
              AND (?4 IS NULL OR action = ?4 OR substr(action, 1, length(?4) + 1) = ?4 || '.')
            ORDER BY seq
            """,
            [since, until, actor, action]
        ).map(Self.auditRecord)
    }

    static func auditRecord(_ row: Row) -> AuditRecord {
        AuditRecord(
            seq: row.int("seq") ?? 0,
            at: row.int("at") ?? 0,
            event: AuditEvent(
                actor: row.string("actor") ?? "",
                action: row.string("action") ?? "",
                target: row.string("target"),
                outcome: AuditOutcome(rawValue: row.string("outcome") ?? "") ?? .failure,
                source: row.string("source"),
                status: row.int("status").map(Int.init),
                detail: row.string("detail")
            ),
            prev: row.string("prev") ?? "",
            hash: row.string("hash") ?? ""
        )
    }
}
