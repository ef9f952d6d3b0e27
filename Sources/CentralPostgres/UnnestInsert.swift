/// A bulk insert with one array parameter per column, expanded by `unnest`: one statement for any number of rows.
///
/// PostgresNIO encodes arrays of non-optional values only, so a nullable column travels as two arrays — its values
/// (a placeholder where NULL) and a NULL mask — put back together with `CASE`.
struct UnnestInsert {
    enum Column {
        case text, nullableText, int, nullableInt, bool
    }

    enum Cell {
        case text(String?)
        case int(Int64?)
        case bool(Bool)
    }

    /// `INSERT INTO table (a, b, …)`.
    let head: String
    let columns: [Column]
    /// What follows the `SELECT … FROM unnest(…)`: `ON CONFLICT …`, or nothing.
    let tail: String
    private var rows: [[Cell]] = []
    /// A column that holds, instead of a bound value, an expression of column `c<index>`, e.g. a log position.
    var expressions: [Int: (String) -> String] = [:]

    init(_ head: String, _ columns: [Column], tail: String = "") {
        self.head = head
        self.columns = columns
        self.tail = tail
    }

    var isEmpty: Bool { rows.isEmpty }
    var count: Int { rows.count }

    /// Adds a row, its cells in column order.
    mutating func add(_ cells: Cell...) {
        precondition(cells.count == columns.count, "UnnestInsert: \(cells.count) cells for \(columns.count) columns")
        rows.append(cells)
    }

    /// Writes every row in one statement and empties the buffer.
    mutating func flush(into session: PostgresSession) throws {
        guard !rows.isEmpty else { return }
        var values: [PostgresValue] = [], arrays: [String] = [], names: [String] = [], selects: [String] = []
        for (index, column) in columns.enumerated() {
            let name = "c\(index)"
            func param(_ value: PostgresValue, _ type: String, _ alias: String) {
                values.append(value)
                arrays.append("$\(values.count)::\(type)[]")
                names.append(alias)
            }
            switch column {
            case .text, .nullableText:
                param(.texts(rows.map { if case .text(let v) = $0[index] { v ?? "" } else { "" } }), "text", name)
            case .int, .nullableInt:
                param(.ints(rows.map { if case .int(let v) = $0[index] { v ?? 0 } else { 0 } }), "bigint", name)
            case .bool:
                param(.bools(rows.map { if case .bool(let v) = $0[index] { v } else { false } }), "boolean", name)
            }
            switch column {
            case .nullableText, .nullableInt:
                param(.bools(rows.map { cell in
                    switch cell[index] {
                    case .text(let v): v == nil
                    case .int(let v): v == nil
                    case .bool: false
                    }
                }), "boolean", name + "n")
                selects.append("CASE WHEN \(name)n THEN NULL ELSE \(name) END")
            default:
                selects.append(expressions[index].map { $0(name) } ?? name)
            }
        }
        let sql = "\(head) SELECT \(selects.joined(separator: ", ")) FROM unnest(\(arrays.joined(separator: ", "))) "
            + "AS u(\(names.joined(separator: ", "))) \(tail)"
        try session.query(sql, values)
        rows.removeAll()
    }
}
