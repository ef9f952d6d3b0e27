import Logging
import ServiceLifecycle
import SyncCore
import CentralCore
import CentralSQLite

/// Purges audit records past their retention (`serve --audit-retention-days`, at least 180 days) when the server
/// starts and once a day after, through the store's purge, which anchors the chain so `admin audit verify` still
/// passes. A failed purge is logged and tried again the next day; the service stops at graceful shutdown.
struct AuditRetentionService: Service {
    let service: CentralService
    /// How many days audit records are kept.
    let retentionDays: Int
    let logger: Logger
    /// Seconds between purges: a day.
    static let interval: Int64 = 86_400

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            await purge()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(Self.interval)) }
            } catch is CancellationError {
                return
            }
        }
    }

    private func purge() async {
        do {
            let purged = try await service.purgeAudit(retentionDays: retentionDays)
            if purged > 0 {
                logger.info("audit records past retention purged", metadata: [
                    "purged": "\(purged)", "retention_days": "\(retentionDays)",
                ])
            }
        } catch {
            logger.error("audit retention purge failed; it will be tried again tomorrow", metadata: [
                "error": "\(String(describing: error))",
            ])
        }
    }
}
