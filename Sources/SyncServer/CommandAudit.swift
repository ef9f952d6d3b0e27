import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// The audit records of the `admin` commands that change the store: who ran them (`cli:<$USER>`), what they did to
/// which target, and how it ended. Never a password or a secret.
enum CommandAudit {
    /// The actor of the records the commands write: `cli:<$USER>`.
    static var actor: String { "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")" }

    /// Runs `change` and records it in the same transaction; a refusal is recorded as a failure after the change was
    /// rolled back, then rethrown.
    @discardableResult
    static func recording<T>(
        _ store: CentralStore, action: String, target: String?, detail: String? = nil, _ change: () throws -> T
    ) throws -> T {
        var event = AuditEvent(actor: actor, action: action, target: target, outcome: .success, source: "cli",
                               detail: detail)
        do {
            return try store.database.inTransaction {
                let result = try change()
                try store.audit(event)
                return result
            }
        } catch let refusal as TraceSyncError {
            event.outcome = .failure
            event.detail = refusal.code.rawValue
            try store.audit(event)
            throw refusal
        }
    }
}
