import Foundation
public import CentralCore
public import SyncCore

extension AuditHead {
    /// The head of the audit log in `database`: its last record; nil while the log holds none.
    static func last(in database: Database) throws -> AuditHead? {
        guard let row = try database.row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"),
              let seq = row.int("seq"), let hash = row.string("hash")
        else { return nil }
        return AuditHead(seq: seq, hash: hash)
    }
}

extension CentralStore {
    /// The audit chain's head now: its last record; nil while the log holds no record.
    public func auditHead() throws -> AuditHead? {
        try AuditHead.last(in: database)
    }
}
