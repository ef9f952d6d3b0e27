import Foundation

/// At most a few child processes of the test process run at once: a command, or a server until it listens.
///
/// The tests run in parallel, and once no test blocks a thread to wait for a child (`ProcessExit`), nothing else
/// bounds how many start together: about a hundred end-to-end tests each started a `sync-server` at once, and on
/// two cores none of them listened within its 30 s. A slot is held only while a child works on its own (a command
/// to its end, a server through its start), never while waiting for another slot, so the slots cannot deadlock.
enum ChildProcessSlots {
    /// Twice the cores, and at least four: a child often waits on another (a `field sync` on its server).
    static let limit = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)

    private static let state = SlotState(free: limit)

    /// Runs `body` holding one slot, waiting for one first if all are taken.
    static func withSlot<T>(_ body: () async throws -> T) async rethrows -> T {
        await state.acquire()
        defer { state.release() }
        return try await body()
    }
}

/// The free slots and the tasks waiting for one, first come first served.
private final class SlotState: @unchecked Sendable {
    // @unchecked Sendable: `free` and `waiting` are only read or written with `lock` held.
    private let lock = NSLock()
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(free: Int) { self.free = free }

    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = lock.withLock {
                guard free > 0 else {
                    waiting.append(continuation)
                    return false
                }
                free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    func release() {
        let next = lock.withLock {
            guard !waiting.isEmpty else {
                free += 1
                return nil as CheckedContinuation<Void, Never>?
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }
}
