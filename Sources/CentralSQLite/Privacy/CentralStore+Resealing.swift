public import CentralCore
public import SyncCore

/// Rewrites, once, the documents a store wrote before envelopes (`PersonalDataCipher`): personal fields sealed
/// inline as `enc:v1:` strings, or not sealed at all (numbers sent as JSON numbers or under another key). Each is
/// opened as the old format allows and sealed again, so every row reads through its envelope alone.
extension CentralStore {
    /// A column that holds JSON documents and the column of their envelopes.
    struct SealedColumn {
        let table: String
        /// The primary key's columns, in order.
        let key: [String]
        let text: String
        let envelope: String
    }

    /// Every column the store keeps device or admin JSON in.
    static let sealedColumns = [
        SealedColumn(table: "entries", key: ["device_id", "seq"], text: "payload", envelope: "sealed"),
        SealedColumn(table: "events", key: ["rowid"], text: "body", envelope: "sealed"),
        SealedColumn(table: "operators", key: ["rowid"], text: "record", envelope: "sealed"),
        SealedColumn(table: "server_log", key: ["seq"], text: "body", envelope: "sealed"),
        SealedColumn(table: "conflict_candidates", key: ["conflict_id", "event_id"], text: "candidate", envelope: "sealed"),
        SealedColumn(table: "conflicts", key: ["id"], text: "resolution", envelope: "resolution_sealed"),
    ]

    /// The migration that adds the envelope columns and marks every table for `resealPendingTables()`.
    static let envelopeColumnsSQL = sealedColumns.map {
        "ALTER TABLE \($0.table) ADD COLUMN \($0.envelope) TEXT;\n"
    }.joined() + """
        CREATE TABLE personal_data_resealing (name TEXT PRIMARY KEY);
        INSERT INTO personal_data_resealing (name) VALUES \(sealedColumns.map { "('\($0.table)')" }.joined(separator: ", "));
        """

    private static let resealPageSize = 500

    /// Reseals the tables still marked, page by page; freed space is overwritten, so no old plaintext stays in the
    /// file. A crash part-way leaves the mark, and the next open goes on.
    func resealPendingTables() throws {
        let pending = Set(try database.query("SELECT name FROM personal_data_resealing").compactMap { $0.string("name") })
        guard !pending.isEmpty else { return }
        let secureDelete = try database.scalar("PRAGMA secure_delete") ?? 0
        try database.execute("PRAGMA secure_delete = ON")
        defer { try? database.execute("PRAGMA secure_delete = \(secureDelete)") }
        for column in Self.sealedColumns where pending.contains(column.table) {
            try reseal(column)
            try database.run("DELETE FROM personal_data_resealing WHERE name = ?", column.table)
        }
        try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private func reseal(_ column: SealedColumn) throws {
        let keys = column.key.joined(separator: ", ")
        let select = "SELECT \(keys), \(column.text) AS document FROM \(column.table) WHERE \(column.text) IS NOT NULL AND \(column.envelope) IS NULL"
        let order = "ORDER BY \(keys) LIMIT \(Self.resealPageSize)"
        let after = "(\(keys)) > (\(column.key.map { _ in "?" }.joined(separator: ", ")))"
        let update = "UPDATE \(column.table) SET \(column.text) = ?, \(column.envelope) = ? WHERE "
            + column.key.map { "\($0) = ?" }.joined(separator: " AND ")
        var cursor: [DatabaseValue]?
        while true {
            let rows = try database.inTransaction {
                let rows = if let cursor {
                    try database.query("\(select) AND \(after) \(order)", cursor)
                } else {
                    try database.query("\(select) \(order)")
                }
                for row in rows {
                    guard let text = row.string("document"), let sealed = try resealed(text) else { continue }
                    _ = try database.query(update, [sealed.text, sealed.envelope] + column.key.map { row[$0] })
                }
                return rows
            }
            guard let last = rows.last, rows.count == Self.resealPageSize else { return }
            cursor = column.key.map { last[$0] }
        }
    }

    /// The new columns for a stored document, nil when it needs none: it holds nothing personal, or it is not the
    /// canonical text the store writes (edited outside the store: kept as it is, for `verify` to report).
    private func resealed(_ text: String) throws -> PersonalDataCipher.Sealed? {
        guard let document = try? JSONValue.parse(text), document.canonicalString == text else { return nil }
        let sealed = try personalData.seal(personalData.openingInline(document))
        return sealed.envelope == nil && sealed.text == text ? nil : sealed
    }
}
