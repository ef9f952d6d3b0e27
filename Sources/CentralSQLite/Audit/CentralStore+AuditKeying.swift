public import CentralCore
public import SyncCore

/// The start of the keyed chain in a log that was written before it: the `audit.chain.keyed` record.
///
/// A store whose log already held records when it was upgraded keeps them as they were (their unkeyed hashes still
/// verify); the upgrade appends one keyed record that names the last unkeyed record and links to its hash, and every
/// record after it is keyed. A store created with the keyed chain has no such record: all its records are keyed.
/// The record is itself keyed, so no one without the key can move the boundary to pass keyed records off as
/// unkeyed ones; an edit of an earlier, unkeyed record shows at the latest as this record's broken link.
struct AuditKeying: Equatable {
    static let action = "audit.chain.keyed"
    /// The number of the last record written before the chain was keyed.
    let legacyThrough: Int64

    /// The migration that marks an existing log for keying: the pending boundary is the last number the log
    /// handed out, and the store appends the keyed record when it opens (`anchorKeyedAuditChain`).
    static let migrationSQL = """
        CREATE TABLE audit_keying_pending (legacy_through INTEGER NOT NULL);
        INSERT INTO audit_keying_pending (legacy_through)
        SELECT seq FROM sqlite_sequence WHERE name = 'audit_log' AND seq > 0;
        """

    init(legacyThrough: Int64) {
        self.legacyThrough = legacyThrough
    }

    /// The boundary a keying record names; for a record whose detail does not parse, the record before it.
    init?(record: AuditRecord) {
        guard record.event.action == Self.action else { return nil }
        if let detail = record.event.detail, let value = try? JSONValue.parse(detail),
           case .integer(let through)? = value["legacyThrough"] {
            legacyThrough = through
        } else {
            legacyThrough = record.seq - 1
        }
    }

    var event: AuditEvent {
        AuditEvent(
            actor: "system", action: Self.action, target: "audit_log", outcome: .success, source: "server",
            detail: JSONValue.object(["legacyThrough": .integer(legacyThrough)]).canonicalString
        )
    }
}

extension CentralStore {
    /// Appends the `audit.chain.keyed` record to a log the keying migration marked, once: the mark goes in the
    /// same transaction.
    func anchorKeyedAuditChain() throws {
        guard try database.scalar("SELECT count(*) FROM audit_keying_pending") ?? 0 > 0 else { return }
        try database.inTransaction {
            guard let through = try database.scalar("SELECT legacy_through FROM audit_keying_pending") else { return }
            try appendAudit(AuditKeying(legacyThrough: through).event, prevWhenEmpty: AuditRecord.genesis)
            try database.run("DELETE FROM audit_keying_pending")
        }
    }
}
