import CSQLite
import Foundation

/// A bare SQLite connection for the baselines: opened as SyncCore opens its stores (WAL, `synchronous = FULL`), with
/// nothing of SyncCore between the caller and SQLite.
final class RawDatabase {
    let handle: OpaquePointer

    /// Opens (creating) the database at `path`.
    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
            == SQLITE_OK, let handle else {
            sqlite3_close_v2(handle)
            throw BenchError("cannot open \(path)")
        }
        self.handle = handle
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs statements that take no arguments.
    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    /// Prepares one statement; the caller finalizes it.
    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sql) }
        return statement
    }

    func failure(_ sql: String) -> BenchError {
        BenchError("SQLite: \(String(cString: sqlite3_errmsg(handle))) in \(sql.prefix(60))")
    }
}

/// A failure of the benchmark itself (not a figure): what went wrong, for the person running it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
