import Foundation

/// Long synchronous work of a test, run on a thread of its own instead of one of Swift's cooperative pool.
///
/// The pool has one thread per core (two on the CI machine), and the tests run in parallel on it. A test that
/// computes for seconds on a pool thread (a simulated month of pushes, a convergence run) leaves the other tests'
/// servers, clients and waits one thread short; two such tests stop them all until they finish, and their time
/// limits run out. Such work goes through `OwnThread.run`.
public enum OwnThread {
    /// Runs `body` on a new thread and returns what it returned (or throws what it threw).
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
