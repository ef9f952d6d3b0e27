import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// A small pool of readers beside the writer: each a read-only connection to the store's file on a thread of its
/// own, so pulls, trace lookups, the public page, exports and admin reads never queue behind a push (SQLite in WAL
/// mode: readers and the one writer do not block each other). A read goes to the reader with the fewest reads in
/// flight, so one long export does not hold up a trace lookup.
///
/// Each read runs in one snapshot (`CentralStore.inSnapshot`) and sees every write committed before it began.
final class CentralReaders: Sendable {
    private let readers: [CentralReader]
    private let load: ReaderLoad

    /// How many readers a server opens: one a core, two at least (so one long read leaves another free), four at most.
    static var defaultCount: Int { max(2, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Opens `count` readers of the store at `path`, which its writer has opened (migrated and seeded) already.
    /// - Parameters:
    ///   - orphanTimeout: the writer's orphan timeout, so a reader tells when an orphan is overdue as it does.
    ///   - clock: the server's clock, in milliseconds.
    init(path: String, dataKey: DataKey, count: Int, orphanTimeout: Int64, clock: @escaping @Sendable () -> Int64) throws {
        readers = try (0..<count).map { number in
            try CentralReader(name: "central-reader-\(number + 1)", path: path, dataKey: dataKey,
                              orphanTimeout: orphanTimeout, clock: clock)
        }
        load = ReaderLoad(count: count)
    }

    /// Runs `body` on the least busy reader, in one snapshot of the store.
    func read<T: Sendable>(_ body: @escaping @Sendable (any CentralReads) throws -> T) async throws -> T {
        let index = load.take()
        defer { load.release(index) }
        return try await readers[index].read(body)
    }
}

/// One reader: a read-only store owned by an actor on a dedicated thread, as the writer is.
private actor CentralReader {
    private let executor: DedicatedThreadExecutor
    private let store: CentralStore

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(name: String, path: String, dataKey: DataKey, orphanTimeout: Int64, clock: @escaping @Sendable () -> Int64) throws {
        executor = DedicatedThreadExecutor(name: name)
        store = try CentralStore(readerAt: path, dataKey: dataKey)
        store.orphanTimeout = orphanTimeout
        store.clock = clock
    }

    deinit { executor.shutdown() }

    func read<T: Sendable>(_ body: @Sendable (any CentralReads) throws -> T) throws -> T {
        try store.inSnapshot { try body(store) }
    }
}

/// How many reads each reader has in flight.
private final class ReaderLoad: @unchecked Sendable {
    // @unchecked Sendable: `inFlight` is only read or written with `lock` held.
    private let lock = NSLock()
    private var inFlight: [Int]

    init(count: Int) { inFlight = Array(repeating: 0, count: count) }

    /// The index of a reader with the fewest reads in flight, counted as taking one more.
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let index = inFlight.indices.min { inFlight[$0] < inFlight[$1] }!
        inFlight[index] += 1
        return index
    }

    /// Counts the read on reader `index` as done.
    func release(_ index: Int) {
        lock.lock()
        inFlight[index] -= 1
        lock.unlock()
    }
}
