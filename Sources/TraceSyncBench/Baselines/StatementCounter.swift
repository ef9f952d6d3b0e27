import CSQLite

/// Counts the SQL statements a connection runs (`sqlite3_trace_v2` with `SQLITE_TRACE_STMT`, called as each
/// statement starts), from `init` until `stop()`.
final class StatementCounter {
    private let handle: OpaquePointer
    private let count = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    private let changesAtStart: Int64

    /// Starts counting on `handle` (a store's connection); replaces any trace callback it had.
    init(_ handle: OpaquePointer) {
        self.handle = handle
        count.initialize(to: 0)
        changesAtStart = sqlite3_total_changes64(handle)
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, _, _ in
            context!.assumingMemoryBound(to: Int.self).pointee += 1
            return 0
        }, count)
    }

    deinit {
        stop()
        count.deallocate()
    }

    /// Statements started so far.
    var statements: Int { count.pointee }

    /// Rows inserted, updated or deleted since `init` (`sqlite3_total_changes64`).
    var changes: Int64 { sqlite3_total_changes64(handle) - changesAtStart }

    /// Stops counting.
    func stop() { sqlite3_trace_v2(handle, 0, nil, nil) }
}
