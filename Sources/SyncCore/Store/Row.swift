/// One result row, read by column name or index.
public struct Row: Sendable {
    let columns: [String]
    let values: [DatabaseValue]

    /// The value of the named column; `.null` when the column does not exist.
    public subscript(_ column: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    /// The value at a 0-based column index.
    public subscript(_ index: Int) -> DatabaseValue { values[index] }

    public func string(_ column: String) -> String? {
        switch self[column] {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: nil
        }
    }

    public func int(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let number): number
        case .real(let number): Int64(number)
        case .text(let text): Int64(text)
        default: nil
        }
    }

    public func bool(_ column: String) -> Bool { (int(column) ?? 0) != 0 }
}
