public import Foundation

extension MarketDevice {
    /// Enrolls a new device `name` at `node` with the server at `url` (e.g. a `FaultProxy` in front of `server`),
    /// so all its syncs go there, and syncs once.
    public static func enrolled(
        _ name: String, node: String, server: ServerProcess, through url: String, in directory: URL
    ) async throws -> MarketDevice {
        let device = try FieldDeviceProcess(directory: directory, name: name)
        let code = try await server.enrollCode(node: node)
        let enrolled = try await device.run("enroll", url, code, "--name", name, "--inspector", "检测员\(name)")
        guard enrolled.status == 0 else { throw HarnessError("\(enrolled)") }
        let market = MarketDevice(device: device, node: node)
        try await market.sync()
        return market
    }
}
