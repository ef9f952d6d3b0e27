import CSQLite
import Foundation
import SyncCore

// Why this folder has SQL: every figure is held against SQLite doing the least it could, the same rows written by a
// prepared INSERT in one transaction or applied as a session-extension changeset. Those baselines must speak to
// SQLite directly, with nothing of the stores between, so they are SQL and the SQLite C API, here and nowhere else in
// the benchmark. The SQL copies rows generically (whatever tables a store's work grew) or fills the one
// `entries`-shaped table of the one-row-per-entry baseline; it is never a second copy of a store's own writes: the
// stores the figures measure are filled through their own API (`StoreFiller` pushes through `CentralStore.push`).

/// A bare SQLite connection for the baselines: opened as SyncCore opens its stores (WAL, `synchronous = FULL`), with
/// nothing of SyncCore between the caller and SQLite; or a store's own connection, borrowed to write on it directly.
final class RawDatabase {
    let handle: OpaquePointer
    /// The store's connection when borrowed, kept open as long as this is; nil when this opened its own.
    private let borrowed: Database?

    /// Opens (creating) the database at `path`.
    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
            == SQLITE_OK, let handle else {
            sqlite3_close_v2(handle)
            throw BenchError("cannot open \(path)")
        }
        self.handle = handle
        borrowed = nil
        sqlite3_busy_timeout(handle, 5_000)
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
    }

    /// Writes on a store's own connection, as the store configured it; keeps it open while in use, never closes it.
    init(borrowing database: Database) {
        handle = database.handle
        borrowed = database
    }

    deinit { if borrowed == nil { sqlite3_close_v2(handle) } }

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

    /// The column names and rows of a query that takes no arguments.
    func query(_ sql: String) throws -> (columns: [String], rows: [[RawValue]]) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        let count = sqlite3_column_count(statement)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [[RawValue]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return (columns, rows) }
            guard code == SQLITE_ROW else { throw failure(sql) }
            rows.append((0..<count).map { RawValue(statement, column: $0) })
        }
    }

    /// The integer in the first column of the first row.
    func integer(_ sql: String) throws -> Int64 {
        guard case .integer(let value)? = try query(sql).rows.first?.first else { throw BenchError("no integer from \(sql)") }
        return value
    }

    func failure(_ sql: String) -> BenchError {
        BenchError("SQLite: \(String(cString: sqlite3_errmsg(handle))) in \(sql.prefix(60))")
    }
}

/// A value as SQLite stores it, read out of one database to be bound into another.
enum RawValue {
    case null, integer(Int64), real(Double), text(String), blob([UInt8])

    /// The value in `column` of the row `statement` stands on.
    init(_ statement: OpaquePointer, column: Int32) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: self = .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: self = .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: self = .text(String(cString: sqlite3_column_text(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            let bytes = sqlite3_column_blob(statement, column)
            self = .blob(count > 0 && bytes != nil ? Array(UnsafeRawBufferPointer(start: bytes, count: count)) : [])
        default: self = .null
        }
    }

    /// Binds the value to parameter `index` of `statement`.
    func bind(to statement: OpaquePointer, at index: Int32) {
        switch self {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let value): sqlite3_bind_int64(statement, index, value)
        case .real(let value): sqlite3_bind_double(statement, index, value)
        case .text(let value): sqlite3_bind_text(statement, index, value, -1, csqlite_transient())
        case .blob(let bytes):
            _ = bytes.withUnsafeBytes {
                sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), csqlite_transient())
            }
        }
    }
}
