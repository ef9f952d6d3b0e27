public import Foundation

/// The end of a started process, awaited without holding a thread of Swift's cooperative pool.
///
/// The pool has one thread per core (two on the CI machine). A test that blocks one of them until a child process
/// ends (`waitUntilExit`, a semaphore) leaves the in-process servers of every other test one thread short; two such
/// tests stop them all, and their clients time out. Every wait of the harness goes through this type instead.
public final class ProcessExit: @unchecked Sendable {
    // @unchecked Sendable: every member is read and written under `lock`.
    private let lock = NSLock()
    private var ended = false
    private var killedAtDeadline = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Watches `process`, which must not have been started yet (this sets its termination handler).
    public init(of process: Process) {
        process.terminationHandler = { [self] _ in finish() }
    }

    /// True once the process has ended.
    public var hasEnded: Bool { lock.withLock { ended } }

    /// Returns once the process has ended.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let already = lock.withLock {
                if !ended { waiters.append(continuation) }
                return ended
            }
            if already { continuation.resume() }
        }
    }

    /// Returns once process `pid` has ended, sending it SIGKILL if it still runs `timeout` seconds from now; true
    /// when that deadline ended it.
    public func wait(killing pid: pid_t, after timeout: TimeInterval) async -> Bool {
        let deadline = DispatchWorkItem { [self] in
            let running = lock.withLock {
                if !ended { killedAtDeadline = true }
                return !ended
            }
            if running { kill(pid, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        await wait()
        deadline.cancel()
        return lock.withLock { killedAtDeadline }
    }

    private func finish() {
        let waiting = lock.withLock {
            ended = true
            defer { waiters.removeAll() }
            return waiters
        }
        for waiter in waiting { waiter.resume() }
    }
}
