public import CentralCore
public import SyncCore

extension CentralStore {
    /// The shortest retention the audit log allows: 180 days (等保三级 asks for at least six months).
    public static let minimumAuditRetentionDays = 180
    /// The retention the server uses unless told otherwise: 183 days.
    public static let defaultAuditRetentionDays = 183

    /// Deletes the audit records older than `retentionDays` before now (by `clock`), oldest first and only as a
    /// contiguous run from the start of the log, then appends an `audit.purge` record that anchors the chain: it
    /// names the last purged record and its hash, which the first kept record links to, so the log still verifies.
    /// - Returns: how many records were purged (0 leaves the log untouched).
    @discardableResult
    public func purgeAudit(retentionDays: Int) throws -> Int {
        guard retentionDays >= Self.minimumAuditRetentionDays else { throw Self.retentionTooShort(retentionDays) }
        let cutoff = clock() - Int64(retentionDays) * 24 * 3_600_000
        return try database.inTransaction {
            let firstKept = try database.scalar("SELECT min(seq) FROM audit_log WHERE at >= ?", cutoff)
            let through = try firstKept.map { $0 - 1 } ?? database.scalar("SELECT max(seq) FROM audit_log") ?? 0
            guard let anchor = try database.row("SELECT hash FROM audit_log WHERE seq = ?", through)?.string("hash"),
                  let purged = try database.scalar("SELECT count(*) FROM audit_log WHERE seq <= ?", through), purged > 0
            else { return 0 }
            try database.run("INSERT INTO audit_purge_gate (through_seq) VALUES (?)", through)
            try database.run("DELETE FROM audit_log WHERE seq <= ?", through)
            try database.run("DELETE FROM audit_purge_gate")
            try appendAudit(AuditPurge(through: through, anchor: anchor).event(retentionDays: retentionDays), prevWhenEmpty: anchor)
            return Int(purged)
        }
    }

    /// The refusal of a retention shorter than `minimumAuditRetentionDays`.
    public static func retentionTooShort(_ days: Int) -> TraceSyncError {
        TraceSyncError(
            .badAuditRetention, field: "audit-retention-days",
            zh: "审计日志保留期 \(days) 天太短：至少为 \(minimumAuditRetentionDays) 天（六个月）。",
            en: "an audit retention of \(days) days is too short: keep records at least \(minimumAuditRetentionDays) days (six months)."
        )
    }
}

/// The chain anchor an `audit.purge` record carries: the last purged record's number and hash.
struct AuditPurge: Equatable {
    static let action = "audit.purge"
    /// The number of the last purged record.
    let through: Int64
    /// Its hash, which the first kept record's `prev` still names.
    let anchor: String

    init(through: Int64, anchor: String) {
        self.through = through
        self.anchor = anchor
    }

    /// The anchor of a purge record, or nil for any other record.
    init?(record: AuditRecord) {
        guard record.event.action == Self.action, let detail = record.event.detail,
              let value = try? JSONValue.parse(detail),
              case .integer(let through)? = value["through"], case .string(let anchor)? = value["anchor"]
        else { return nil }
        self.init(through: through, anchor: anchor)
    }

    func event(retentionDays: Int) -> AuditEvent {
        let detail: JSONValue = .object([
            "anchor": .string(anchor), "retentionDays": .integer(Int64(retentionDays)), "through": .integer(through),
        ])
        return AuditEvent(
            actor: "system", action: Self.action, target: "audit_log", outcome: .success, source: "server",
            detail: detail.canonicalString
        )
    }
}
