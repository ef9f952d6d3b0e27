/// Conflicts the server recorded for this device's node, as pulled.
extension FieldStore {
    /// The conflicts of batch `code`, or of the whole node when nil; open ones first.
    public func conflicts(batch code: TraceCode? = nil, status: ConflictStatus? = nil) throws -> [ConflictRecord] {
        try database.query(
            """
            SELECT record FROM conflicts WHERE (?1 IS NULL OR batch_code = ?1) AND (?2 IS NULL OR status = ?2)
            ORDER BY status = 'resolved', id DESC
            """,
            code?.digits, status?.rawValue
        ).map { try JSONValue.parse($0.string("record")!).decode(ConflictRecord.self) }
    }
}
