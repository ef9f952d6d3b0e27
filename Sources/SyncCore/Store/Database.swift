internal import CSQLite

/// A connection to one SQLite database, in WAL mode with foreign keys on.
///
/// A connection is used by one thread at a time: it is not `Sendable`. The server owns its connection
/// from a single serial executor; the field device uses it from its one command.
public final class Database {
    package let handle: OpaquePointer
    /// The file the connection opened, or `:memory:`.
    public let path: String
    private var cache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter create: when false, a missing file is an error instead of a new empty database.
    public init(path: String, create: Bool = true) throws {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw DatabaseError(resultCode: code, message: message)
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, 5_000)
        sqlite3_extended_result_codes(handle, 1)
        if path != ":memory:" {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = FULL")
            try execute("PRAGMA cache_size = -32768")
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no arguments and return no rows.
    public func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
    }

    /// Runs one statement with arguments; the prepared statement is cached by its SQL text.
    public func run(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws {
        _ = try query(sql, arguments)
    }

    /// Runs one statement and returns its rows.
    public func query(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws -> [Row] {
        try query(sql, arguments)
    }

    /// Runs one statement with an argument array and returns its rows.
    public func query(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// The first row of a query, if any.
    public func row(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws -> Row? {
        try query(sql, arguments).first
    }

    /// The integer in the first column of the first row, if any.
    public func scalar(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws -> Int64? {
        guard let row = try query(sql, arguments).first, case .integer(let value) = row[0] else { return nil }
        return value
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The number of rows the last statement changed.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    private func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql, persistent: true)
        cache[sql] = statement
        return statement
    }

    func error(code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(resultCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable)
extension Database: Sendable {}
