/// A CSV record with the line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based line number in the file where the record starts.
    public let line: Int
    public let fields: [String]
}

/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote inside quotes,
/// quoted fields may span lines; CRLF or LF line ends; a UTF-8 byte-order mark is ignored.
///
/// Hand-written rather than taken from a CSV package because SyncCore must stay free of dependencies (it ships
/// inside the mobile app), and import errors must name the line each record starts on.
public enum CSVReader {
    /// Parses `text` into records; blank lines are skipped.
    /// - Throws: `TraceSyncError` `csv_unclosed_quote` naming the line where an unclosed quote starts.
    public static func records(_ text: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1, quoteLine = 1
        var fieldStarted = false
        var characters = text.unicodeScalars.makeIterator()
        if text.unicodeScalars.first == "\u{FEFF}" { _ = characters.next() }
        var pending: Unicode.Scalar?

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldStarted = false
        }

        while let scalar = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw TraceSyncError(
                .csvUnclosedQuote, field: "line \(quoteLine)",
                zh: "第 \(quoteLine) 行的引号没有闭合：请检查该行的双引号是否成对。",
                en: "the quote opened on line \(quoteLine) is never closed: check that its double quotes are paired."
            )
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }
}
