public import CentralCore
public import SyncCore

extension PersonalDataCipher {
    /// The table that holds one value sealed under the store's key, so a wrong key is refused at open.
    static let checkTableSQL = """
        CREATE TABLE data_key_check (id INTEGER PRIMARY KEY CHECK (id = 1), sealed TEXT NOT NULL);
        """
    static let checkText = "tracesync-data-key"
}

extension CentralStore {
    /// Refuses a data key that does not open the store's check value; on a store without one, seals it.
    func checkDataKey() throws {
        if let sealed = try database.row("SELECT sealed FROM data_key_check WHERE id = 1")?.string("sealed") {
            guard try personalData.open(sealed, field: "check") == PersonalDataCipher.checkText else {
                throw PersonalDataCipher.mismatch
            }
        } else {
            try database.run(
                "INSERT INTO data_key_check (id, sealed) VALUES (1, ?)",
                try personalData.seal(PersonalDataCipher.checkText, field: "check")
            )
        }
    }

    /// A stored journal entry with its personal values put back, exactly as the device sent it, so its hash
    /// verifies; for reads of `entries` rows (pull, journal verification), whose envelope is the column `sealed`.
    public func journalEntry(_ row: Row) throws -> JournalEntry? {
        guard let stored = JournalEntry(row), let text = row.string("payload") else { return nil }
        return JournalEntry(
            deviceId: stored.deviceId, seq: stored.seq, hlc: stored.hlc, wallTime: stored.wallTime,
            author: stored.author, kind: stored.kind,
            payload: try personalData.open(stored.payload, text: text, envelope: row.string("sealed")),
            prev: stored.prev, hash: stored.hash
        )
    }

    /// A merged event read from an `events` row (`id`, `kind`, `hlc`, `author`, `body` and its envelope `sealed`),
    /// its personal values put back.
    func recordedEvent(_ row: Row) throws -> RecordedEvent {
        let kind = try EventKind(rawValue: row.text("kind"))!
        let body = try personalData.open(row.text("body"), envelope: row.string("sealed"))
        let decoded = try EventBody.decode(kind: kind, payload: body)
        return try RecordedEvent(id: decoded.id, hlc: HLCTimestamp(row.text("hlc"))!, author: row.text("author"),
                             body: decoded.body)
    }
}
