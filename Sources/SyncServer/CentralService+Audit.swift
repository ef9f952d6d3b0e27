import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Appends one record to the audit log.
    func audit(_ event: AuditEvent) throws {
        try store.audit(event)
    }

    /// Audit records in log order, filtered.
    nonisolated func auditRecords(since: Int64?, until: Int64?, actor: String?, action: String?) async throws -> [AuditRecord] {
        try await read { try $0.auditRecords(since: since, until: until, actor: actor, action: action) }
    }

    /// The audit chain's head: its last record's number and hash; nil while the log is empty.
    nonisolated func auditHead() async throws -> AuditHead? {
        try await read { try $0.auditHead() }
    }

    /// Purges audit records past their retention, keeping the chain verifiable; returns how many went.
    @discardableResult
    func purgeAudit(retentionDays: Int) throws -> Int {
        try store.purgeAudit(retentionDays: retentionDays)
    }

    /// The id of the revoked device a secret belongs to, so its refusal names it in the audit log; nil otherwise.
    nonisolated func revokedDeviceID(secret: String) async throws -> String? {
        try await read { try $0.revokedDeviceID(secret: secret) }
    }
}
