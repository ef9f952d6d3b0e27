import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The first problem in the audit chain (a record altered, replaced or missing), or nil when it is intact. No
    /// head recorded outside the database is given, so a tail cut off cannot show here (`admin audit verify
    /// --backup-dir` checks that).
    func verifyAuditChain() throws -> AuditChainProblem? {
        try store.verifyAuditChain()
    }
}
