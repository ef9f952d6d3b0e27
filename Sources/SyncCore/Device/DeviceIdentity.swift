/// Who a field device is: its id, node, number within the node, and the inspector using it.
public struct DeviceIdentity: Codable, Hashable, Sendable {
    /// A UUIDv7 made at `field init`.
    public let deviceId: String
    /// The node's 8-digit code.
    public let node: String
    /// 1–999, unique within the node; it is part of every trace code the device issues.
    public let deviceNumber: Int
    /// The inspector recorded as the author of each entry.
    public let inspector: String
}
