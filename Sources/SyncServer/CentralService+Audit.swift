import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Appends one record to the audit log.
    func audit(_ event: AuditEvent) throws {
        try store.audit(event)
    }

    /// Audit records in log order, filtered.
    func auditRecords(since: Int64?, until: Int64?, actor: String?, action: String?) throws -> [AuditRecord] {
        try store.auditRecords(since: since, until: until, actor: actor, action: action)
    }

    /// The audit chain's head: its last record's number and hash; nil while the log is empty.
    func auditHead() throws -> AuditHead? {
        try store.auditHead()
    }

    /// Purges audit records past their retention, keeping the chain verifiable; returns how many went.
    @discardableResult
    func purgeAudit(retentionDays: Int) throws -> Int {
        try store.purgeAudit(retentionDays: retentionDays)
    }

    /// The id of the revoked device a secret belongs to, so its refusal names it in the audit log; nil otherwise.
    func revokedDeviceID(secret: String) throws -> String? {
        try store.revokedDeviceID(secret: secret)
    }
}
