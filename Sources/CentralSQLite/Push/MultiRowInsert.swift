public import SyncCore

/// Rows for one table, written with multi-row `INSERT … VALUES (…), (…)` statements: in chunks of 64, 32, … 1
/// rows, so that a table needs at most seven prepared statements (cached by the connection by their SQL text).
struct MultiRowInsert {
    /// The statement's head, e.g. `INSERT INTO events (id, kind)`.
    let head: String
    let columns: Int
    private(set) var values: [any DatabaseValueConvertible] = []

    init(_ head: String, columns: Int) {
        self.head = head
        self.columns = columns
    }

    var isEmpty: Bool { values.isEmpty }

    /// Adds one row; `row` has one value per column.
    mutating func add(_ row: any DatabaseValueConvertible...) {
        precondition(row.count == columns, "\(head): \(row.count) values for \(columns) columns")
        values += row
    }

    /// Writes the rows added so far, in order, and empties the buffer.
    mutating func flush(into database: Database) throws {
        var start = 0
        var rows = values.count / columns
        var chunk = 64
        while rows > 0 {
            while chunk > rows { chunk /= 2 }
            let end = start + chunk * columns
            _ = try database.query(Self.sql(head, columns: columns, rows: chunk), Array(values[start..<end]))
            start = end
            rows -= chunk
        }
        values.removeAll(keepingCapacity: true)
    }

    private static func sql(_ head: String, columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
