import Logging
import ServiceLifecycle
import SyncCore
import CentralCore
import CentralSQLite

/// Runs the supervision checks for the nodes whose devices pushed since the last run, when the server starts and
/// every `interval` seconds after (5 minutes), through `CentralStore.runPendingChecks`. A failed run is logged and
/// the next one covers the same pushes; the service stops at graceful shutdown.
struct SupervisionCheckService: Service {
    let service: CentralService
    let logger: Logger
    /// Seconds between runs.
    var interval: Int64 = 300

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            await check()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
            } catch is CancellationError {
                return
            }
        }
    }

    private func check() async {
        do {
            let run = try await service.runPendingChecks()
            if run.added > 0 {
                logger.info("supervision checks found new findings", metadata: [
                    "added": "\(run.added)", "found": "\(run.found)", "batches": "\(run.batches)",
                ])
            }
        } catch {
            logger.error("supervision checks failed; the next run covers the same pushes", metadata: [
                "error": "\(String(describing: error))",
            ])
        }
    }
}
