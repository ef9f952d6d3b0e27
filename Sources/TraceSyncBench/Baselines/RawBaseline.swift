import CSQLite
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

// Baseline SQL (see RawDatabase.swift for why this folder has SQL).

/// The two one-row-per-entry baselines a merge is held against: the same journal rows written straight into a table shaped like the
/// central `entries` table, by a prepared INSERT in one transaction, and by applying a session-extension changeset.
///
/// Both do strictly less than `CentralStore.push`: no chain or hash check, no merge rules, no events, trace links,
/// batch state or server log. They bound what storing the rows alone costs on this machine.
enum RawBaseline {
    static let entriesTable = """
        CREATE TABLE entries (
            device_id TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, wall_time INTEGER NOT NULL,
            author TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL,
            received_at INTEGER NOT NULL, verdict TEXT NOT NULL, reason_code TEXT, reason_message TEXT,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID
        """
    static let insert = """
        INSERT INTO entries (device_id, seq, hlc, wall_time, author, kind, payload, prev, hash, received_at, verdict)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied')
        """

    /// An entry's columns as text, prepared before any clock starts.
    struct Row {
        let deviceId, hlc, author, kind, payload, prev, hash: String
        let seq, wallTime: Int64

        init(_ entry: JournalEntry) {
            deviceId = entry.deviceId; hlc = entry.hlc.description; author = entry.author
            kind = entry.kind.rawValue; payload = entry.payload.canonicalString; prev = entry.prev; hash = entry.hash
            seq = entry.seq; wallTime = entry.wallTime
        }
    }

    /// Rows per second of a prepared INSERT of `entries` into a new database in `directory`, in one transaction.
    static func insertRate(_ entries: [JournalEntry], directory: ScratchDirectory) throws -> Double {
        let rows = entries.map(Row.init)
        let database = try RawDatabase(path: directory.path("raw-\(UUID().uuidString.prefix(6)).sqlite"))
        try database.execute(entriesTable)
        let (seconds, _) = try Measure.time { try write(rows, into: database) }
        return Double(rows.count) / seconds
    }

    /// Rows per second of `sqlite3changeset_apply` of a changeset holding `entries`, recorded by a session on a
    /// scratch database and applied to a new one; only the apply is timed.
    static func changesetApplyRate(_ entries: [JournalEntry], directory: ScratchDirectory) throws -> Double {
        let rows = entries.map(Row.init)
        let source = try RawDatabase(path: directory.path("changeset-source-\(UUID().uuidString.prefix(6)).sqlite"))
        try source.execute(entriesTable)
        let changeset = try Changeset(recording: source) { try write(rows, into: source) }
        let target = try RawDatabase(path: directory.path("changeset-target-\(UUID().uuidString.prefix(6)).sqlite"))
        try target.execute(entriesTable)
        return Double(rows.count) / (try changeset.applySeconds(to: target))
    }

    /// Inserts `rows` in one transaction with one prepared statement.
    private static func write(_ rows: [Row], into database: RawDatabase) throws {
        let statement = try database.prepare(insert)
        defer { sqlite3_finalize(statement) }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try database.execute("BEGIN IMMEDIATE")
        for row in rows {
            sqlite3_reset(statement)
            bind(statement, 1, row.deviceId)
            bind(statement, 3, row.hlc)
            bind(statement, 5, row.author)
            bind(statement, 6, row.kind)
            bind(statement, 7, row.payload)
            bind(statement, 8, row.prev)
            bind(statement, 9, row.hash)
            sqlite3_bind_int64(statement, 2, row.seq)
            sqlite3_bind_int64(statement, 4, row.wallTime)
            sqlite3_bind_int64(statement, 10, now)
            guard sqlite3_step(statement) == SQLITE_DONE else { throw database.failure(insert) }
        }
        try database.execute("COMMIT")
    }

    private static func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
    }
}
