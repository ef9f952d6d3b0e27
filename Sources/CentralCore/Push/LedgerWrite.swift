public import SyncCore

/// One decided entry, ready to write.
package struct DecidedEntry {
    package let entry: JournalEntry
    /// The payload as stored: its canonical text without personal values, and their envelope.
    package let payload: PersonalDataCipher.Sealed
    package let decision: EntryDecision

    package init(entry: JournalEntry, payload: PersonalDataCipher.Sealed, decision: EntryDecision) {
        self.entry = entry
        self.payload = payload
        self.decision = decision
    }
}

/// What one push (or one server-journal entry) writes, in one transaction: the effects decided before its entries
/// (orphans past their timeout), then each entry with its verdict, event and effects, in order, and the device's
/// new head.
package struct LedgerWrite {
    /// The node of the device that pushed (of the server entry's batch).
    package let node: String
    package let receivedAt: Int64
    package let preface: [MergeEffect]
    package let entries: [DecidedEntry]
    /// The device whose acknowledged seq, head and last-seen time to set; nil for the server's journal.
    package let device: (id: String, head: JournalHead)?

    package init(node: String, receivedAt: Int64, preface: [MergeEffect], entries: [DecidedEntry],
                 device: (id: String, head: JournalHead)?) {
        self.node = node
        self.receivedAt = receivedAt
        self.preface = preface
        self.entries = entries
        self.device = device
    }
}
