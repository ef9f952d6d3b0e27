import Foundation
import CentralCore

/// Audit records waiting for the writer, in the order their requests finished: a request's record is appended here
/// and written by the writer with the others waiting, in one transaction, so a request that only reads does not
/// queue behind a push for its record (see `CentralService.record(_:)`).
final class AuditQueue: @unchecked Sendable {
    // @unchecked Sendable: `waiting` is only read or written with `lock` held.
    private let lock = NSLock()
    private var waiting: [AuditEvent] = []

    /// Appends a record to write.
    func append(_ event: AuditEvent) {
        lock.lock()
        waiting.append(event)
        lock.unlock()
    }

    /// The records waiting, oldest first, which are then no longer kept.
    func drain() -> [AuditEvent] {
        lock.lock()
        defer { lock.unlock() }
        let drained = waiting
        waiting = []
        return drained
    }

    /// Whether no record is waiting.
    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return waiting.isEmpty
    }
}

/// The first of two things to happen: resumes its one waiter once, whichever comes first.
final class FirstOf: @unchecked Sendable {
    // @unchecked Sendable: `continuation` and `done` are only read or written with `lock` held.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?
    private var outcome: Bool?

    /// Waits until `finish(_:)` is first called; returns what it was called with.
    func wait() async -> Bool {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(returning: outcome)
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
    }

    /// Ends the wait with `value` if it has not ended yet.
    func finish(_ value: Bool) {
        lock.lock()
        guard outcome == nil else { lock.unlock(); return }
        outcome = value
        let waiter = continuation
        continuation = nil
        lock.unlock()
        waiter?.resume(returning: value)
    }
}
