/// `POST /v1/devices/enroll`: a device trades a one-time code for its identity and secret.
public struct EnrollRequest: Codable, Hashable, Sendable {
    /// The one-time code an admin issued for a node.
    public let code: String
    /// A name people recognise the device by, e.g. "南北市场 3 号机".
    public let deviceName: String
    /// The id of a device initialised offline, which keeps its journal; nil for a new device.
    public let deviceId: String?
    /// The node a device initialised offline was set up for; the code must be for the same node.
    public let node: String?
    /// The device number a device initialised offline already put into its trace codes.
    public let deviceNumber: Int?

    public init(code: String, deviceName: String, deviceId: String? = nil, node: String? = nil, deviceNumber: Int? = nil) {
        self.code = code
        self.deviceName = deviceName
        self.deviceId = deviceId
        self.node = node
        self.deviceNumber = deviceNumber
    }
}

/// The server's answer to an enrollment.
public struct EnrollResponse: Codable, Hashable, Sendable {
    public let deviceId: String
    public let node: Node
    public let deviceNumber: Int
    /// The bearer secret for every later request. Shown once; the server keeps only its hash.
    public let secret: String

    public init(deviceId: String, node: Node, deviceNumber: Int, secret: String) {
        self.deviceId = deviceId
        self.node = node
        self.deviceNumber = deviceNumber
        self.secret = secret
    }
}
