/// The device's record of imported weighing-system rows: each row by a fingerprint of its content, with the file it
/// came from, its line and the batch it made.
extension FieldStore {
    /// A row imported before.
    struct ImportedRow {
        let fileHash: String
        let line: Int
        let batchCode: String
        let importedAt: Int64
    }

    /// The earlier import of a row with this fingerprint, if any.
    func importedRow(fingerprint: String) throws -> ImportedRow? {
        try database.row("SELECT * FROM imported_rows WHERE fingerprint = ?", fingerprint).map {
            ImportedRow(fileHash: try $0.text("file_hash"), line: Int(try $0.integer("line")),
                        batchCode: try $0.text("batch_code"), importedAt: try $0.integer("imported_at"))
        }
    }

    /// Notes an imported row, inside the import's transaction; a row imported again on purpose keeps its first record.
    func recordImported(fingerprint: String, fileHash: String, line: Int, batchCode: String) throws {
        try database.run(
            "INSERT OR IGNORE INTO imported_rows (fingerprint, file_hash, line, batch_code, imported_at) VALUES (?, ?, ?, ?, ?)",
            fingerprint, fileHash, line, batchCode, wallClock()
        )
    }
}
