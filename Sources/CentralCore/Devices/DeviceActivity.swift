/// What an admin looks at to see whether a device is healthy: its record, who last used it, how many of its entries
/// were rejected, and how far its clock is from the server's.
public struct DeviceActivity: Codable, Hashable, Sendable {
    /// The enrolled device.
    public let device: DeviceRecord
    /// The author (inspector) of the device's latest entry; nil before its first push.
    public let inspector: String?
    /// Entries of the device stored with the verdict `rejected`.
    public let rejectedEntries: Int
    /// The device's clock against the server's, in milliseconds, at its latest entry: the entry's device time less
    /// the time the server received it (positive when the device runs ahead, negative when behind, by how long the
    /// entry waited offline too); nil before its first push.
    public let clockSkew: Int64?

    public init(device: DeviceRecord, inspector: String?, rejectedEntries: Int, clockSkew: Int64?) {
        self.device = device
        self.inspector = inspector
        self.rejectedEntries = rejectedEntries
        self.clockSkew = clockSkew
    }
}
