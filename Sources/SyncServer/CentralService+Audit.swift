import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Appends one record to the audit log.
    func audit(_ event: AuditEvent) throws {
        try store.audit(event)
    }

    /// How long a request that changed nothing waits for its audit record at most: when the writer is busy longer
    /// (a long push), the request answers and its record follows, in order, once the writer gets to it.
    static let auditWait: Duration = .seconds(1)

    /// Queues the record of a request and has the writer append it with every record waiting, in the order their
    /// requests finished. Waits until it is written when `wait` is set, or when reads run on the writer anyway;
    /// otherwise at most `auditWait`, so a read never queues behind pushes for long for its record.
    /// - Parameter failed: told why, if writing the records fails.
    nonisolated func record(_ event: AuditEvent, wait: Bool, failed: @escaping @Sendable (any Error) -> Void) async {
        auditQueue.append(event)
        let written = FirstOf()
        Task {
            do {
                try await self.writeQueuedAudits()
            } catch {
                failed(error)
            }
            written.finish(true)
        }
        if !wait && readsBesideTheWriter {
            Task {
                try? await Task.sleep(for: Self.auditWait)
                written.finish(false)
            }
        }
        _ = await written.wait()
    }

    /// Appends the audit records waiting, oldest first, in one transaction.
    private func writeQueuedAudits() throws {
        let events = auditQueue.drain()
        guard !events.isEmpty else { return }
        try store.database.inTransaction {
            for event in events { try store.audit(event) }
        }
    }

    /// Audit records in log order, filtered; the records still waiting for the writer are written first.
    ///
    /// The flush always goes through the writer, even when the queue looks empty: another request's flush may have
    /// drained it and still be writing, and only the writer's order guarantees its commit comes before this read.
    nonisolated func auditRecords(since: Int64?, until: Int64?, actor: String?, action: String?) async throws -> [AuditRecord] {
        try await writeQueuedAudits()
        return try await read { try $0.auditRecords(since: since, until: until, actor: actor, action: action) }
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
