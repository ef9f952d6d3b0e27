import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
package import SyncCore

/// One connection to PostgreSQL, used synchronously by the central store's ports.
///
/// **Why blocking on futures, not an async port.** The ports (`PushLedger`, `PullLog` …) are synchronous, because
/// `PushCoordinator` and the SQLite backend are, and the server calls them from its own store threads. PostgresNIO
/// is non-blocking: its work runs on NIO event-loop threads. A session sends each statement through PostgresNIO's
/// `EventLoopFuture` API and waits for the answer on the *calling* thread (`wait()`), never on an event loop: the
/// event loops of `MultiThreadedEventLoopGroup.singleton` only move bytes and never wait, so the wait cannot
/// deadlock them, and no Swift concurrency task is created (a blocked cooperative thread waiting for a task that
/// needs that same pool could deadlock on a two-core machine; a future needs no task). Calling from an event loop
/// is refused (NIO traps `wait()` there). An async variant of every port would have made `PushCoordinator` and the
/// SQLite backend async as well for no gain to SQLite; this keeps one set of ports.
///
/// A session is one connection, so one transaction at a time, as a `CentralStore` is one SQLite connection: a
/// server (or a test's "server" thread) owns its own. Not `Sendable` in spirit: use it from one thread at a time.
package final class PostgresSession: @unchecked Sendable {
    // @unchecked Sendable: the connection is thread-safe (PostgresNIO serialises on its event loop); the session
    // is handed to the thread that owns it and used there.
    let connection: PostgresConnection
    let logger: Logger
    /// The database's name, as the URL gave it.
    package let database: String

    private init(connection: PostgresConnection, logger: Logger, database: String) {
        self.connection = connection
        self.logger = logger
        self.database = database
    }

    /// Connects to the database a `postgres://user[:password]@host[:port]/database` URL names (TLS is not
    /// supported yet: a URL asking for it with `sslmode=require` or `verify-*` is refused).
    /// - Throws: `TraceSyncError` `bad_request` for a URL that is not a PostgreSQL URL, `internal_error` when the
    ///   server cannot be reached.
    package static func connect(url: String) throws -> PostgresSession {
        let target = try PostgresURL(url)
        var configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: .disable
        )
        configuration.options.connectTimeout = .seconds(10)
        var logger = Logger(label: "tracesync.postgres")
        logger.logLevel = .error
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        do {
            let connection = try PostgresConnection.connect(
                on: eventLoop, configuration: configuration, id: Int.random(in: 1...Int.max), logger: logger
            ).wait()
            return PostgresSession(connection: connection, logger: logger, database: target.database)
        } catch {
            throw TraceSyncError(
                .internalError, field: "postgres",
                zh: "无法连接 PostgreSQL 数据库 \(target.host):\(target.port)/\(target.database)：\(PostgresFailure(error))。",
                en: "cannot connect to PostgreSQL at \(target.host):\(target.port)/\(target.database): \(PostgresFailure(error))."
            )
        }
    }

    /// Runs `sql` with `$1`, `$2` … bound to `values`; returns its rows.
    @discardableResult
    package func query(_ sql: String, _ values: PostgresValue...) throws -> [PGRow] {
        try query(sql, values)
    }

    /// Runs `sql` with `$1`, `$2` … bound to `values`; returns its rows.
    @discardableResult
    package func query(_ sql: String, _ values: [PostgresValue]) throws -> [PGRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { value.bind(into: &binds) }
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
            return result.rows.map { PGRow($0.makeRandomAccess()) }
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// The first row of `sql`, or nil.
    package func row(_ sql: String, _ values: PostgresValue...) throws -> PGRow? {
        try query(sql, values).first
    }

    /// Closes the connection.
    package func close() {
        try? connection.close().wait()
    }

    deinit {
        // A session dropped without `close()` still ends its connection, which must outlive the close: PostgresNIO
        // asserts that a connection is closed before it is released.
        let connection = self.connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}

/// A value bound to a statement's parameter: nullable scalars, and the arrays bulk writes pass to `unnest`.
package enum PostgresValue {
    case text(String?)
    case int(Int64?)
    case bool(Bool?)
    case texts([String])
    case ints([Int64])
    case bools([Bool])

    fileprivate func bind(into binds: inout PostgresBindings) {
        switch self {
        case .text(let value): if let value { binds.append(value) } else { binds.appendNull() }
        case .int(let value): if let value { binds.append(value) } else { binds.appendNull() }
        case .bool(let value): if let value { binds.append(value) } else { binds.appendNull() }
        case .texts(let values): binds.append(values)
        case .ints(let values): binds.append(values)
        case .bools(let values): binds.append(values)
        }
    }
}

/// A result row read by column name, with the same reading helpers as the SQLite backend's `Row`.
package struct PGRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRandomAccessRow) { self.row = row }

    /// The column's text, or nil when it is NULL or absent.
    package func string(_ column: String) -> String? {
        guard row.contains(column) else { return nil }
        return try? row[column].decode(String?.self)
    }

    /// The column's integer, or nil when it is NULL or absent.
    package func int(_ column: String) -> Int64? {
        guard row.contains(column) else { return nil }
        return try? row[column].decode(Int64?.self)
    }

    /// The column's boolean, or nil when it is NULL or absent.
    package func bool(_ column: String) -> Bool? {
        guard row.contains(column) else { return nil }
        return try? row[column].decode(Bool?.self)
    }

    /// A required text column. - Throws: `internal_error` naming the column when it is NULL or missing.
    package func text(_ column: String) throws -> String {
        guard let value = string(column) else { throw Self.missing(column) }
        return value
    }

    /// A required integer column. - Throws: `internal_error` naming the column when it is NULL or missing.
    package func integer(_ column: String) throws -> Int64 {
        guard let value = int(column) else { throw Self.missing(column) }
        return value
    }

    private static func missing(_ column: String) -> TraceSyncError {
        TraceSyncError(.internalError, field: column, zh: "PostgreSQL 中心库的列「\(column)」缺失或为空。",
                       en: "the PostgreSQL central store's column \"\(column)\" is missing or NULL.")
    }
}

/// A PostgreSQL error with what the server said (PostgresNIO's own description hides it, to keep query text out
/// of logs): its SQLSTATE and message.
package struct PostgresFailure: Error, CustomStringConvertible {
    /// The SQLSTATE, e.g. `40001` (serialization failure) or `40P01` (deadlock); nil for a client-side failure.
    package let sqlState: String?
    package let message: String

    init(_ error: any Error) {
        if let failure = error as? PostgresFailure {
            self = failure
        } else if let psql = error as? PSQLError {
            sqlState = psql.serverInfo?[.sqlState]
            message = psql.serverInfo?[.message] ?? "\(psql.code)"
        } else {
            sqlState = nil
            message = "\(error)"
        }
    }

    /// True for the failures a transaction is retried for: a serialization failure or a deadlock.
    package var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    package var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}

/// The parts of a `postgres://` or `postgresql://` URL.
struct PostgresURL {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String

    init(_ text: String) throws {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw TraceSyncError(.badRequest, field: "postgres",
                                 zh: "「\(text)」不是 PostgreSQL 地址：应为 postgres://用户[:密码]@主机[:端口]/数据库。",
                                 en: "\"\(text)\" is not a PostgreSQL URL: use postgres://user[:password]@host[:port]/database.")
        }
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "allow", "prefer"].contains(mode) else {
            throw TraceSyncError(.badRequest, field: "postgres",
                                 zh: "暂不支持 TLS 连接 PostgreSQL（sslmode=\(mode)）：请在本机或内网用 sslmode=disable。",
                                 en: "TLS to PostgreSQL is not supported yet (sslmode=\(mode)): connect on the host or a private network with sslmode=disable.")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        let path = String(components.path.drop { $0 == "/" })
        database = path.isEmpty ? user : path
    }
}
