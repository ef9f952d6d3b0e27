/// The server's view of time when it judges an entry.
public struct MergeContext: Sendable {
    /// When the server received the entry, milliseconds since the Unix epoch.
    public let receivedAt: Int64
    /// How far ahead of `receivedAt` a business time may be (a day).
    public let futureTolerance: Int64
    /// How far behind `receivedAt` a business time may be.
    public let pastWindow: Int64

    public init(receivedAt: Int64, futureTolerance: Int64 = 24 * 3_600_000, pastWindow: Int64 = 30 * 24 * 3_600_000) {
        self.receivedAt = receivedAt
        self.futureTolerance = futureTolerance
        self.pastWindow = pastWindow
    }
}
