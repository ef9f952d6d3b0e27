public import CentralCore
public import SyncCore

extension CentralStore {
    /// A device's record with its latest inspector, rejected entries and clock skew (`CentralCore.DeviceActivity`).
    public typealias DeviceActivity = CentralCore.DeviceActivity

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
