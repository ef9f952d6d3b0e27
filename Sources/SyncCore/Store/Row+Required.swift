/// Reads that fail loudly: a column the statement does not select is a programming error, so it stops a debug build
/// (and the test that ran the query) at once, and in a release build it throws an `internal_error` naming the
/// column instead of crashing the server on a force-unwrap. NULL in a column read as required throws too.
extension Row {
    /// Whether a missing column stops a debug build with `assertionFailure` before throwing; a test that checks the
    /// throw itself turns it off with `Row.$trapsOnMissingColumn.withValue(false) { … }`.
    @TaskLocal package static var trapsOnMissingColumn = true

    /// The text of `column` (a number is read as its digits); throws if the statement has no such column or it is NULL.
    public func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw Self.null(column) }
        return text
    }

    /// The text of `column`, or nil if it is NULL; throws if the statement has no such column.
    public func optionalText(_ column: String) throws -> String? {
        try requireColumn(column)
        return string(column)
    }

    /// The integer in `column`; throws if the statement has no such column or it is NULL or not a number.
    public func integer(_ column: String) throws -> Int64 {
        guard let number = try optionalInteger(column) else { throw Self.null(column) }
        return number
    }

    /// The integer in `column`, or nil if it is NULL; throws if the statement has no such column, or if the value is
    /// neither NULL nor a number.
    public func optionalInteger(_ column: String) throws -> Int64? {
        try requireColumn(column)
        if case .null = self[column] { return nil }
        guard let number = int(column) else {
            throw TraceSyncError(.internalError, field: column,
                                 zh: "存储的列 \(column) 不是整数。", en: "the stored column \(column) is not an integer.")
        }
        return number
    }

    /// Throws (after an `assertionFailure` in debug builds) if the statement does not select `column`.
    private func requireColumn(_ column: String) throws {
        guard !columns.contains(column) else { return }
        if Self.trapsOnMissingColumn {
            assertionFailure("the query selects no column \(column); it selects \(columns)")
        }
        throw TraceSyncError(.internalError, field: column,
                             zh: "查询没有选出列 \(column)。", en: "the query selects no column \(column).")
    }

    private static func null(_ column: String) -> TraceSyncError {
        TraceSyncError(.internalError, field: column,
                       zh: "存储的列 \(column) 为空。", en: "the stored column \(column) is NULL.")
    }
}
