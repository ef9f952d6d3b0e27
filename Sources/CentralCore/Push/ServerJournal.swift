public import SyncCore

/// The server's own journal: the corrections, voidings and releases admins decide, hash-chained like a device's,
/// under the device id `server`, merged and pulled like any other entry, written through the same ledger as pushes.
package enum ServerJournal {
    /// The device id of the server's journal.
    package static let deviceId = "server"

    /// Appends and merges an admin's event at `node`; returns its seq.
    package static func append(
        _ body: EventBody, author: String, node: String, at now: Int64, ledger: some PushLedger
    ) throws -> Int64 {
        try ledger.write { transaction in
            let (last, latest) = try transaction.serverJournalHead()
            var clock = HybridLogicalClock(deviceId: deviceId, last: latest)
            let entry = JournalEntry(
                deviceId: deviceId, seq: last.seq + 1, hlc: clock.tick(wallMillis: now), wallTime: now, author: author,
                kind: body.kind, payload: try body.payload(id: UUIDv7.make(millis: now)), prev: last.hash
            )
            try write(entry, node: node, receivedAt: now, transaction: transaction, cipher: ledger.personalDataCipher)
            return entry.seq
        }
    }

    /// Writes an entry of the server's journal as it was recorded (a replay of a store's history).
    package static func replay(_ entry: JournalEntry, node: String, receivedAt: Int64, ledger: some PushLedger) throws {
        try ledger.write { transaction in
            try write(entry, node: node, receivedAt: receivedAt, transaction: transaction, cipher: ledger.personalDataCipher)
        }
    }

    private static func write(
        _ entry: JournalEntry, node: String, receivedAt: Int64, transaction: any PushLedgerTransaction,
        cipher: PersonalDataCipher
    ) throws {
        let decoded = try EventBody.decode(kind: entry.kind, payload: entry.payload)
        let event = RecordedEvent(id: decoded.id, hlc: entry.hlc, author: entry.author, body: decoded.body)
        let inputs = try transaction.inputs(for: MergeNeeds(events: [event]))
        let decided = DecidedEntry(entry: entry, payload: try cipher.seal(entry.payload),
                                   decision: MergeRules.serverEvent(event, inputs: inputs))
        try transaction.apply(LedgerWrite(node: node, receivedAt: receivedAt, preface: [], entries: [decided], device: nil))
    }
}
