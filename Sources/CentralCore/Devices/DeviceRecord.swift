/// An enrolled device as admins see it and as the server authenticates it.
public struct DeviceRecord: Codable, Hashable, Sendable {
    /// The device's id (its node and number, e.g. `46010001-01`).
    public let id: String
    /// The node the device belongs to.
    public let node: String
    /// The device's number within its node.
    public let deviceNumber: Int
    /// The name it was enrolled under.
    public let name: String
    /// True once an admin revoked it.
    public let revoked: Bool
    /// The last seq of its journal the server stored.
    public let ackedSeq: Int64
    /// The hash of that entry (the chain's head on the server).
    public let headHash: String
    /// When it enrolled, in milliseconds since the Unix epoch.
    public let enrolledAt: Int64
    /// When it last pushed or pulled; nil before the first time.
    public let lastSeenAt: Int64?

    public init(
        id: String, node: String, deviceNumber: Int, name: String, revoked: Bool, ackedSeq: Int64, headHash: String,
        enrolledAt: Int64, lastSeenAt: Int64?
    ) {
        self.id = id
        self.node = node
        self.deviceNumber = deviceNumber
        self.name = name
        self.revoked = revoked
        self.ackedSeq = ackedSeq
        self.headHash = headHash
        self.enrolledAt = enrolledAt
        self.lastSeenAt = lastSeenAt
    }
}
