import Foundation
import SyncCore

/// The audit records of `admin user` commands: who ran them (`cli:<$USER>`), what they did to which user, and how it
/// ended. Never the password.
enum AdminUserAudit {
    /// Runs `change` and records it in the same transaction; a refusal is recorded as a failure after the change was
    /// rolled back, then rethrown.
    @discardableResult
    static func recording<T>(
        _ store: CentralStore, action: String, target: String, detail: String? = nil, _ change: () throws -> T
    ) throws -> T {
        let actor = "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")"
        do {
            return try store.database.inTransaction {
                let result = try change()
                try store.audit(AuditEvent(actor: actor, action: action, target: target, outcome: .success,
                                           source: "cli", detail: detail))
                return result
            }
        } catch let refusal as TraceSyncError {
            try store.audit(AuditEvent(actor: actor, action: action, target: target, outcome: .failure,
                                       source: "cli", detail: refusal.code))
            throw refusal
        }
    }
}
