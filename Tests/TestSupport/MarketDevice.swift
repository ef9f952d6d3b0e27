public import Foundation
public import SyncCore
public import CentralCore
public import CentralSQLite

/// An enrolled `field` device at a demo market, with helpers to record a realistic day.
public struct MarketDevice: Sendable {
    public let device: FieldDeviceProcess
    public let node: String

    /// Enrolls a new device `name` at `node` and syncs once (to receive the market's operators).
    public static func enrolled(
        _ name: String, node: String, server: ServerProcess, in directory: URL, environment: [String: String] = [:]
    ) async throws -> MarketDevice {
        var device = try FieldDeviceProcess(directory: directory, name: name)
        device.environment = environment
        let code = try await server.enrollCode(node: node)
        let enrolled = try await device.run("enroll", server.url, code, "--name", name, "--inspector", "检测员\(name)")
        guard enrolled.status == 0 else { throw HarnessError("\(enrolled)") }
        let market = MarketDevice(device: device, node: node)
        try await market.sync()
        return market
    }

    /// Runs `field sync`, which must succeed.
    public func sync() async throws {
        let result = try await device.run("sync", "--attempts", "2", "--retry-delay", "0.2")
        guard result.status == 0 else { throw HarnessError("\(result)") }
    }

    /// The device's bearer secret, as stored in its database.
    public func secret() throws -> String {
        try Database(path: device.databasePath).row("SELECT secret FROM sync_state")?.string("secret") ?? ""
    }

    /// The first operator id of the market in the demo data.
    public var operatorId: String { "OP-\(node)-001" }

    /// Records `count` events: receipts, then passing inspections, sales and corrections of those batches.
    /// Returns the number recorded and the batch codes.
    public func recordEvents(_ count: Int) async throws -> (events: Int, batches: [String]) {
        var batches: [String] = []
        var events = 0
        let products = ["100104", "200102", "300101", "220101"]
        while events < count {
            let step = events % 5
            if step == 0 || batches.isEmpty {
                let receipt = try await device.json(
                    "receive", "--product", products[batches.count % products.count], "--quantity", "100",
                    "--operator", operatorId, "--supplier", "海南澄金肉联食品有限公司", "--origin", "469023"
                )
                batches.append(receipt["code"]!.stringValue!)
            } else {
                let code = batches[batches.count - 1]
                switch step {
                case 1: _ = try await device.json("inspect", code, "--item", "农药残留", "--result", "pass")
                case 2, 3: _ = try await device.json("sell", code, "--quantity", "10", "--buyer", "张三", "--price", "12.5")
                default: _ = try await device.json("correct", code, "--set", "supplier=海南澄金肉联")
                }
            }
            events += 1
        }
        return (events, batches)
    }
}

extension JSONValue {
    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }
}
