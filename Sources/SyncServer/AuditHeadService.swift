import Logging
import ServiceLifecycle
import SyncCore
import CentralCore
import CentralSQLite

/// Writes the audit chain's head into the server's log when the server starts and every hour after
/// (`audit chain head … head=SEQ:HASH`), so the log kept apart from the database holds heads that
/// `admin audit verify --head` checks the audit log against: a tail cut off before a logged head shows.
/// A failed read is logged and tried again at the next interval; the service stops at graceful shutdown.
struct AuditHeadService: Service {
    let service: CentralService
    let logger: Logger
    /// Seconds between heads: an hour.
    static let interval: Int64 = 3_600

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            await logHead()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(Self.interval)) }
            } catch is CancellationError {
                return
            }
        }
    }

    private func logHead() async {
        do {
            guard let head = try await service.auditHead() else { return }
            logger.notice("audit chain head", metadata: ["head": "\(head)"])
        } catch {
            logger.error("reading the audit chain head failed; it will be tried again in an hour", metadata: [
                "error": "\(String(describing: error))",
            ])
        }
    }
}
