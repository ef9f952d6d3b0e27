/// Conflicts the server recorded for this device's node, as pulled.
extension FieldStore {
    /// The conflicts of batch `code` (about it, or with one of its events as a candidate), or of the whole node
    /// when nil; open ones first.
    public func conflicts(batch code: TraceCode? = nil, status: ConflictStatus? = nil) throws -> [ConflictRecord] {
        try database.query(
            """
            SELECT record FROM conflicts c WHERE (?2 IS NULL OR status = ?2) AND (?1 IS NULL OR batch_code = ?1 OR EXISTS (
                SELECT 1 FROM conflict_events ce JOIN events e ON e.id = ce.event_id
                WHERE ce.conflict_id = c.id AND e.batch_code = ?1))
            ORDER BY status = 'resolved', id DESC
            """,
            code?.digits, status?.rawValue
        ).map { try JSONValue.parse(try $0.text("record")).decode(ConflictRecord.self) }
    }
}
