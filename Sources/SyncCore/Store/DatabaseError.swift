/// An error SQLite reported.
///
/// The description names the result code, SQLite's message and the SQL text, but never the bound values:
/// they may hold personal data (ID numbers, phone numbers) that must not reach a log.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary or extended result code.
    public let resultCode: Int32
    /// SQLite's own explanation.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// True when a UNIQUE, PRIMARY KEY, CHECK or FOREIGN KEY constraint refused the write.
    public var isConstraintViolation: Bool { resultCode & 0xff == 19 }

    public var description: String {
        var text = "SQLite error \(resultCode): \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }
}
