import CSQLite
import Foundation

// Baseline SQLite (see RawDatabase.swift for why this folder speaks to SQLite directly).

/// A session-extension changeset: what a session recorded on one connection, to apply to another database.
final class Changeset {
    private let bytes: UnsafeMutableRawPointer
    let size: Int32

    /// Records every change `body` makes on `database` to its tables (all of them: the session is attached to
    /// every table with a primary key).
    init(recording database: RawDatabase, _ body: () throws -> Void) throws {
        var session: OpaquePointer?
        guard sqlite3session_create(database.handle, "main", &session) == SQLITE_OK, let session else {
            throw BenchError("sqlite3session_create failed")
        }
        defer { sqlite3session_delete(session) }
        guard sqlite3session_attach(session, nil) == SQLITE_OK else { throw BenchError("sqlite3session_attach failed") }
        try body()
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        guard sqlite3session_changeset(session, &size, &bytes) == SQLITE_OK, let bytes else {
            throw BenchError("sqlite3session_changeset failed")
        }
        self.bytes = bytes
        self.size = size
    }

    deinit { sqlite3_free(bytes) }

    /// Seconds `sqlite3changeset_apply` takes to apply the changeset to `target`; any conflict aborts.
    func applySeconds(to target: RawDatabase) throws -> Double {
        let (seconds, code) = Measure.time {
            sqlite3changeset_apply(target.handle, size, bytes, nil, { _, _, _ in SQLITE_CHANGESET_ABORT }, nil)
        }
        guard code == SQLITE_OK else { throw target.failure("sqlite3changeset_apply") }
        return seconds
    }
}
