import Foundation

/// Writes RFC 4180 CSV fields.
public enum CSVWriter {
    /// The field quoted when it holds a comma, quote or line break, with quotes doubled.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
