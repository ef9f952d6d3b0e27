internal import CSQLite
import Foundation
public import CentralCore
public import SyncCore

/// A consistent copy of a live store, taken with SQLite's online backup API while the server keeps writing.
///
/// The copy runs from a connection of its own in one `sqlite3_backup_step(-1)` inside one read transaction, which in
/// WAL mode is a snapshot of one committed state: writers go on committing to the WAL meanwhile. What the snapshot
/// covers is read in the same read transaction, so it describes exactly the copied state.
struct SQLiteSnapshot {
    /// The copy, a plain SQLite file of `pageCount` pages.
    let url: URL
    let pageSize: Int
    let pageCount: Int
    let userVersion: Int64
    let migrations: [String]
    let coverage: BackupManifest.Coverage

    /// Copies the store at `sourcePath` into a new file at `url`.
    static func take(of sourcePath: String, into url: URL) throws -> SQLiteSnapshot {
        guard FileManager.default.fileExists(atPath: sourcePath) else { throw BackupError.sourceMissing(sourcePath) }
        let source = try Database(path: sourcePath, create: false)
        try source.execute("BEGIN DEFERRED")
        defer { try? source.execute("COMMIT") }
        // The first read fixes the transaction's snapshot; the copy and the coverage below both see it.
        let migrations = try source.query("SELECT name FROM schema_migrations ORDER BY rowid").compactMap { $0.string("name") }
        let userVersion = try source.scalar("PRAGMA user_version") ?? 0
        let coverage = try readCoverage(source)
        try copy(source, to: url)
        let pageSize = try source.scalar("PRAGMA page_size") ?? 4096
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        return SQLiteSnapshot(url: url, pageSize: Int(pageSize), pageCount: size / Int(pageSize),
                              userVersion: userVersion, migrations: migrations, coverage: coverage)
    }

    private static func readCoverage(_ source: Database) throws -> BackupManifest.Coverage {
        var devices: [String: Int64] = [:]
        for row in try source.query("SELECT id, acked_seq FROM devices") {
            if let id = row.string("id") { devices[id] = row.int("acked_seq") ?? 0 }
        }
        let hasAudit = try source.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'") == 1
        return BackupManifest.Coverage(
            devices: devices,
            serverJournalSeq: try source.scalar("SELECT max(seq) FROM entries WHERE device_id = ?", CentralStore.serverDeviceId) ?? 0,
            serverLogSeq: try source.scalar("SELECT max(seq) FROM server_log") ?? 0,
            auditSeq: hasAudit ? try source.scalar("SELECT max(seq) FROM audit_log") ?? 0 : nil,
            auditHead: hasAudit ? try AuditHead.last(in: source) : nil
        )
    }

    /// One backup step of every page into a new rollback-journal file (not WAL, so the copy is the file alone),
    /// created 0600 first so SQLite keeps that mode (and gives it to the copy's journal).
    private static func copy(_ source: Database, to url: URL) throws {
        try DurableFiles.createPrivate(url)
        var destination: OpaquePointer?
        let opened = sqlite3_open_v2(url.path, &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(destination) }
        guard opened == SQLITE_OK, let destination else {
            throw DatabaseError(resultCode: opened, message: "cannot create the snapshot file \(url.path)")
        }
        guard let backup = sqlite3_backup_init(destination, "main", source.handle, "main") else {
            throw DatabaseError(resultCode: sqlite3_errcode(destination),
                                message: String(cString: sqlite3_errmsg(destination)))
        }
        let stepped = sqlite3_backup_step(backup, -1)
        let finished = sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw DatabaseError(resultCode: stepped == SQLITE_DONE ? finished : stepped,
                                message: String(cString: sqlite3_errmsg(destination)))
        }
    }
}
