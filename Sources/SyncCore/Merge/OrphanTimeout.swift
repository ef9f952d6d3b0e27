/// An event the store holds until its batch's receipt arrives.
public struct HeldOrphan: Hashable, Sendable {
    public let eventId: String
    public let batchCode: String
    public let node: String
    /// When the server received it, milliseconds since the Unix epoch.
    public let receivedAt: Int64

    public init(eventId: String, batchCode: String, node: String, receivedAt: Int64) {
        self.eventId = eventId
        self.batchCode = batchCode
        self.node = node
        self.receivedAt = receivedAt
    }
}

/// The orphan rule of DESIGN.md §4: an event held longer than the timeout for its batch's receipt is flagged, once,
/// as an orphan conflict of its batch.
public enum OrphanTimeout {
    /// The orphans of `held` (not flagged yet) that have waited longer than `timeout` at `now`: those received
    /// before `cutoff(now:timeout:)`.
    public static func overdue(_ held: [HeldOrphan], now: Int64, timeout: Int64) -> [HeldOrphan] {
        let cutoff = cutoff(now: now, timeout: timeout)
        return held.filter { $0.receivedAt < cutoff }
    }

    /// The time an orphan must have been received before to be overdue at `now`, so a store reads only the held
    /// events that may be (`received_at < cutoff`, by an index on that time) rather than every one.
    public static func cutoff(now: Int64, timeout: Int64) -> Int64 {
        now - timeout
    }

    /// The conflict each overdue orphan's batch gets.
    public static func key(_ orphan: HeldOrphan) -> ConflictBook.Key {
        ConflictBook.Key(kind: .orphan, subject: "orphan:\(orphan.batchCode)")
    }

    /// For each overdue orphan, in order: the orphan conflict of its batch (through `book`, so one per batch) and
    /// its flag.
    public static func effects(overdue: [HeldOrphan], book: inout ConflictBook) -> [MergeEffect] {
        overdue.flatMap { orphan in
            let finding = ConflictFinding(
                kind: .orphan, subject: key(orphan).subject, batchCode: orphan.batchCode, target: nil, field: nil,
                candidates: [CandidateRef(eventId: orphan.eventId, value: orphan.batchCode)]
            )
            return [MergeEffect.conflict(book.record(finding, node: orphan.node)), .flagOrphan(eventId: orphan.eventId)]
        }
    }
}
