import CSQLite
import Foundation

// Baseline SQL (see RawDatabase.swift for why this folder has SQL): it copies rows generically, table by table, and
// knows nothing of any store's schema.

/// The rows some work wrote into a database: for each table that grew, the rows it holds now that a snapshot taken
/// before the work did not (new rows, and rows the work replaced, as they are now).
///
/// The baselines write exactly these rows again, into a new store whose own code made the same schema and indexes:
/// what storing the result alone costs, without the rules that decided it.
struct WrittenRows {
    /// One table's new rows, with its column names in the order of the values.
    struct Table {
        let name: String
        let columns: [String]
        let rows: [[RawValue]]
    }

    /// In the order the tables were created, so a referenced row is written before the rows that reference it.
    let tables: [Table]

    var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }

    /// `1234 entries, 1234 events, …`
    var summary: String { tables.map { "\($0.rows.count) \($0.name)" }.joined(separator: ", ") }

    /// Copies the database at `path` to a new file `snapshot` (`VACUUM INTO`), to compare with after the work.
    static func snapshot(_ path: String, to snapshot: String) throws {
        try RawDatabase(path: path).execute("VACUUM INTO '\(snapshot)'")
    }

    /// The rows the database at `path` holds that `snapshot` did not, in the tables that grew.
    static func since(_ snapshot: String, in path: String) throws -> WrittenRows {
        let database = try RawDatabase(path: path)
        try database.execute("ATTACH DATABASE '\(snapshot)' AS before")
        let names = try database.query(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).rows.compactMap { row -> String? in if case .text(let name)? = row.first { name } else { nil } }
        var tables: [Table] = []
        for name in names {
            let quoted = "\"\(name)\""
            guard try database.integer("SELECT count(*) FROM main.\(quoted)")
                    > database.integer("SELECT count(*) FROM before.\(quoted)") else { continue }
            let (columns, rows) = try database.query("SELECT * FROM main.\(quoted) EXCEPT SELECT * FROM before.\(quoted)")
            tables.append(Table(name: name, columns: columns, rows: rows))
        }
        return WrittenRows(tables: tables)
    }

    /// Seconds to write every row into `database` by one prepared `INSERT OR REPLACE` per table, all in one
    /// transaction.
    func insertSeconds(into database: RawDatabase) throws -> Double {
        let statements = try tables.map { table in
            let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let parameters = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
            return try database.prepare("INSERT OR REPLACE INTO \"\(table.name)\" (\(columns)) VALUES (\(parameters))")
        }
        defer { statements.forEach { sqlite3_finalize($0) } }
        let (seconds, _) = try Measure.time {
            try database.execute("BEGIN IMMEDIATE")
            for (table, statement) in zip(tables, statements) {
                for row in table.rows {
                    sqlite3_reset(statement)
                    for (index, value) in row.enumerated() { value.bind(to: statement, at: Int32(index + 1)) }
                    guard sqlite3_step(statement) == SQLITE_DONE else { throw database.failure("INSERT INTO \(table.name)") }
                }
            }
            try database.execute("COMMIT")
        }
        return seconds
    }

    /// Seconds `sqlite3changeset_apply` takes to apply the rows to `target`, recorded as a changeset by writing them
    /// into `source` (untimed); both should be stores as new as the one the rows came from.
    func changesetApplySeconds(source: RawDatabase, target: RawDatabase) throws -> Double {
        let changeset = try Changeset(recording: source) { _ = try insertSeconds(into: source) }
        return try changeset.applySeconds(to: target)
    }
}
