import Foundation
import NIOPosix
import SyncCore
import CentralCore
import CentralSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The few threads password hashes are checked and made on, apart from the store's thread and Swift's cooperative
/// pool: a login's quarter second of PBKDF2 never holds up a device's push or pull, and however many logins come
/// at once, hashing takes at most `threads` cores. On Linux the threads also run at a lower priority (nice 10), so
/// when the cores are busy, sync requests get them first. Logins past `maxWaiting` in line are refused at once.
final class PasswordPool: @unchecked Sendable {
    // @unchecked Sendable: `waiting` is only read or written with `lock` held; the pool is thread-safe.
    /// The pool every server in this process shares: half the cores (at least one), 64 logins waiting at most.
    static let shared = PasswordPool(threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), maxWaiting: 64)

    private let pool: NIOThreadPool
    private let maxWaiting: Int
    private let lock = NSLock()
    private var waiting = 0

    /// Starts `threads` threads; at most `maxWaiting` jobs may wait or run at once.
    init(threads: Int, maxWaiting: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        self.maxWaiting = maxWaiting
    }

    /// Runs `body` on the pool and waits for it.
    /// - Throws: `APIError` 429 `rate_limited` when `maxWaiting` jobs are already in line, or what `body` throws.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = lock.withLock {
            guard waiting < maxWaiting else { return false }
            waiting += 1
            return true
        }
        guard admitted else { throw LoginRateLimiter.tooMany(retryAfter: 1) }
        defer { lock.withLock { waiting -= 1 } }
        return try await pool.runIfActive {
            Self.lowerThreadPriority()
            return try body()
        }
    }

    /// Lowers the calling thread's priority to nice 10 (on Linux the nice value is the thread's own); elsewhere a
    /// no-op. Setting it again costs one system call.
    private static func lowerThreadPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
