/// The audit log as auditors read and check it.
///
/// Guarantees those of every read port (`CentralReads`): a listing or a check reads one snapshot, so a record the
/// writer is appending is either wholly in it, chained to its predecessor, or not in it at all.
public protocol AuditReader {
    /// Audit records in log order: at or after `since`, before `until` (milliseconds), of exactly `actor`, of
    /// `action` or its dotted sub-actions.
    func auditRecords(since: Int64?, until: Int64?, actor: String?, action: String?) throws -> [AuditRecord]

    /// The chain's head: its last record's number and hash; nil while the log is empty.
    func auditHead() throws -> AuditHead?

    /// The first problem in the audit chain checked against `heads` recorded elsewhere, or nil when it is intact.
    func verifyAuditChain(against heads: [AuditHead]) throws -> AuditChainProblem?
}
