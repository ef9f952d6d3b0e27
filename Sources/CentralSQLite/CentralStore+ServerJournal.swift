public import CentralCore
public import SyncCore

/// The server's own journal (`ServerJournal`): the corrections, voidings and releases admins decide, written
/// through the push ledger.
extension CentralStore {
    /// The device id of the server's journal.
    public static let serverDeviceId = ServerJournal.deviceId

    /// Appends and merges a server event; returns its seq.
    func appendServerEntry(_ body: EventBody, author: String, node: String, at now: Int64) throws -> Int64 {
        try ServerJournal.append(body, author: author, node: node, at: now, ledger: self)
    }

    /// Merges an entry of the server's journal as it was recorded elsewhere (replaying a store's history).
    package func replayServerEntry(_ entry: JournalEntry, node: String, receivedAt: Int64) throws {
        try ServerJournal.replay(entry, node: node, receivedAt: receivedAt, ledger: self)
    }
}
