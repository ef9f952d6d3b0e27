public import SyncCore
public import CentralCore
public import CentralSQLite

/// A device journal written by hand: contiguous seqs, each entry chained to the previous hash, with the clock
/// value of every entry chosen by the test, so that concurrency ("neither saw the other") is spelled out.
public struct HandJournal: Sendable {
    public let deviceId: String
    public let author: String
    public private(set) var entries: [JournalEntry] = []

    public init(deviceId: String, author: String = "符永清") {
        self.deviceId = deviceId
        self.author = author
    }

    /// Appends event `id` recorded at device wall time `wall` (also its HLC wall part, counter 0) and returns it.
    @discardableResult
    public mutating func append(_ body: EventBody, id: String, at wall: Int64) throws -> JournalEntry {
        try append(kind: body.kind, payload: body.payload(id: id), at: wall)
    }

    /// Appends a raw payload, e.g. one with a member the event type does not have.
    @discardableResult
    public mutating func append(kind: EventKind, payload: JSONValue, at wall: Int64) -> JournalEntry {
        let entry = JournalEntry(
            deviceId: deviceId, seq: Int64(entries.count + 1),
            hlc: HLCTimestamp(wallMillis: wall, counter: 0, deviceId: deviceId), wallTime: wall, author: author,
            kind: kind, payload: payload, prev: entries.last?.hash ?? JournalEntry.genesis
        )
        entries.append(entry)
        return entry
    }
}
