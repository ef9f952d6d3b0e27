import Foundation
import Logging
import ServiceLifecycle
import SyncCore
import CentralCore
import CentralSQLite

/// Where and how often the server backs up its store (`serve --backup-dir --backup-every`).
struct BackupSchedule: Sendable {
    /// The backup directory.
    var directory: String
    /// Seconds between backups.
    var intervalSeconds: Int64
}

/// Takes a backup of the store every `interval` while the server runs (`serve --backup-dir --backup-every`).
///
/// Each backup runs on a thread of its own, off the request path: it reads the store through its own connection, so
/// requests keep being served and written meanwhile. A failed backup is logged and tried again at the next interval;
/// the service stops at graceful shutdown.
struct ScheduledBackupService: Service {
    let databasePath: String
    let directory: URL
    /// Seconds between backups; the first is taken one interval after the start.
    let interval: Int64
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
            } catch is CancellationError {
                return
            }
            await takeBackup()
        }
    }

    private func takeBackup() async {
        let started = ContinuousClock.now
        do {
            let manifest = try await onOwnThread { [databasePath, directory] in
                try Backup.take(of: databasePath, into: directory)
            }
            logger.info("scheduled backup written", metadata: [
                "backup": "\(manifest.fileName)", "kind": "\(manifest.kind.rawValue)",
                "pages": "\(manifest.storedPageCount)/\(manifest.pageCount)",
                "audit_head": "\(manifest.coverage.auditHead.map(String.init(describing:)) ?? "-")",
                "duration": "\(ContinuousClock.now - started)",
            ])
        } catch {
            logger.error("scheduled backup failed; it will be tried again at the next interval", metadata: [
                "dir": "\(directory.path)", "error": "\(String(describing: error))",
            ])
        }
    }

    /// Runs blocking file and SQLite work on a new thread, so it never holds a thread of the cooperative pool.
    private func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = "scheduled-backup"
            thread.start()
        }
    }
}
