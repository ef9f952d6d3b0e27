import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The first problem in the audit chain (a record altered, replaced or missing), or nil when it is intact. No
    /// head recorded outside the database is given, so a tail cut off cannot show here (`admin audit verify
    /// --backup-dir` checks that).
    nonisolated func verifyAuditChain() async throws -> AuditChainProblem? {
        try await read { try $0.verifyAuditChain(against: []) }
    }
}
