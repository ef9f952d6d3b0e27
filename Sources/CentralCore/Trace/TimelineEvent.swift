public import SyncCore

/// One event of a batch as the console's timeline shows it: the event, the device and entry that carried it, when
/// the device recorded it and when the server received it (milliseconds since the Unix epoch).
public struct TimelineEvent: Sendable, Hashable {
    public let event: RecordedEvent
    public let deviceId: String
    public let seq: Int64
    /// The device's clock when it recorded the entry.
    public let deviceTime: Int64
    /// When the server stored the entry.
    public let receivedAt: Int64

    public init(event: RecordedEvent, deviceId: String, seq: Int64, deviceTime: Int64, receivedAt: Int64) {
        self.event = event
        self.deviceId = deviceId
        self.seq = seq
        self.deviceTime = deviceTime
        self.receivedAt = receivedAt
    }
}
