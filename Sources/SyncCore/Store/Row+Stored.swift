/// Stored values read as the types they name: a stored kind, status or clock value that no longer parses is a store
/// that was edited or written by a newer build, so it throws an `internal_error` naming the column and the value
/// instead of crashing on a force-unwrap.
extension Row {
    /// The value of type `type` whose raw text `column` holds; throws if the column is missing, NULL, or holds text
    /// that is no `type`.
    public func stored<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value
    where Value.RawValue == String {
        let text = try text(column)
        guard let value = Value(rawValue: text) else { throw Self.unreadable(column, text) }
        return value
    }

    /// The hybrid logical clock value `column` holds; throws if the column is missing, NULL or not a clock value.
    public func clock(_ column: String) throws -> HLCTimestamp {
        let text = try text(column)
        guard let value = HLCTimestamp(text) else { throw Self.unreadable(column, text) }
        return value
    }

    private static func unreadable(_ column: String, _ text: String) -> TraceSyncError {
        TraceSyncError(.internalError, field: column,
                       zh: "存储的列 \(column) 的值「\(text)」无法识别。",
                       en: "the stored column \(column) holds \"\(text)\", which is not a known value.")
    }
}
