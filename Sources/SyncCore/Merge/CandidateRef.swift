/// A conflict candidate as the rules name it: an event and the value it stands for. Who recorded the event, and
/// when, is the store's to fill in (`ConflictCandidate.init(_:origin:)`), so the rules need no event's history.
public struct CandidateRef: Hashable, Sendable {
    public let eventId: String
    public let value: String

    public init(eventId: String, value: String) {
        self.eventId = eventId
        self.value = value
    }
}

/// Where a merged event came from: the entry that carried it.
public struct EventOrigin: Hashable, Sendable {
    public let deviceId: String
    public let seq: Int64
    public let author: String
    public let hlc: HLCTimestamp
    /// The device's wall clock when it recorded the entry.
    public let deviceTime: Int64

    public init(deviceId: String, seq: Int64, author: String, hlc: HLCTimestamp, deviceTime: Int64) {
        self.deviceId = deviceId
        self.seq = seq
        self.author = author
        self.hlc = hlc
        self.deviceTime = deviceTime
    }

    /// The origin of the event `entry` carries.
    public init(_ entry: JournalEntry) {
        self.init(deviceId: entry.deviceId, seq: entry.seq, author: entry.author, hlc: entry.hlc,
                  deviceTime: entry.wallTime)
    }
}

extension ConflictCandidate {
    /// The full candidate `ref` names, from its event's origin.
    public init(_ ref: CandidateRef, origin: EventOrigin) {
        self.init(deviceId: origin.deviceId, seq: origin.seq, eventId: ref.eventId, author: origin.author,
                  hlc: origin.hlc, deviceTime: origin.deviceTime, value: ref.value)
    }
}
