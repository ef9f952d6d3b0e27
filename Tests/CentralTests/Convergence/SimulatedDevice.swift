import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A field device in the convergence simulation: an in-memory `FieldStore` with a skewed clock.
final class SimulatedDevice {
    let name: String
    let store: FieldStore
    let record: CentralStore.DeviceRecord
    /// How wrong the device's clock is, in milliseconds.
    let skew: Int64
    /// The simulation step until which the device has no network.
    var offlineUntil = 0

    init(name: String, node: String, number: Int, skew: Int64, central: CentralStore, clock: @escaping () -> Int64) throws {
        self.name = name
        self.skew = skew
        store = try FieldStore.initialize(path: ":memory:", node: node, deviceNumber: number, inspector: "检测员\(name)")
        store.wallClock = { clock() + skew }
        let code = try central.issueEnrollCode(node: node, expiresAt: clock() + 86_400_000)
        let response = try central.enroll(EnrollRequest(
            code: code, deviceName: name, deviceId: store.identity.deviceId, node: node, deviceNumber: number
        ))
        try store.enrolled(serverURL: "memory:", response: response)
        record = try central.device(response.deviceId)
    }

    /// The codes of the batches this device knows.
    func batchCodes() throws -> [String] {
        try store.database.query("SELECT code FROM batches ORDER BY code").map { $0.string("code")! }
    }
}
