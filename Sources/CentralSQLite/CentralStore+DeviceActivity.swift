public import CentralCore
public import SyncCore

extension CentralStore {
    /// What an admin looks at to see whether a device is healthy: its record, who last used it, how many of its
    /// entries were rejected, and how far its clock is from the server's.
    public struct DeviceActivity: Codable, Hashable, Sendable {
        /// The enrolled device.
        public let device: DeviceRecord
        /// The author (inspector) of the device's latest entry; nil before its first push.
        public let inspector: String?
        /// Entries of the device stored with the verdict `rejected`.
        public let rejectedEntries: Int
        /// The device's clock against the server's, in milliseconds, at its latest entry: the entry's device time
        /// less the time the server received it (positive when the device runs ahead, negative when behind, by
        /// how long the entry waited offline too); nil before its first push.
        public let clockSkew: Int64?
    }

    /// The activity of every device of `node`, or of all nodes when nil, by node and number.
    public func deviceActivity(node: String? = nil) throws -> [DeviceActivity] {
        try devices(node: node).map { device in
            let latest = try database.row(
                "SELECT author, wall_time, received_at FROM entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1", device.id
            )
            let rejected = try database.scalar(
                "SELECT count(*) FROM entries WHERE device_id = ? AND verdict = ?", device.id, Verdict.rejected.rawValue
            ) ?? 0
            let skew = latest.flatMap { row in row.int("wall_time").flatMap { wall in row.int("received_at").map { wall - $0 } } }
            return DeviceActivity(device: device, inspector: latest?.string("author"), rejectedEntries: Int(rejected), clockSkew: skew)
        }
    }
}
