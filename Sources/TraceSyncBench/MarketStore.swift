import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// A central store set up as `sync-server serve --demo` sets up its first market: node 46010001 (a Haikou
/// wholesale market, region 460106) with operators OP-46010001-001…004, and the retail market 46010002 it supplies.
enum MarketStore {
    static let node = "46010001"
    static let retailNode = "46010002"
    static let operators = (1...4).map { "OP-46010001-00\($0)" }
    static let retailOperators = ["OP-46010002-001"]
    static let day: Int64 = 24 * 3_600_000

    /// Opens a new store at `path` with the two markets and their operators.
    static func make(path: String) throws -> CentralStore {
        let store = try CentralStore(path: path)
        for (code, name) in [(node, "海口市南北水果批发市场"), (retailNode, "海口市龙昆农贸市场")] {
            try store.addNode(Node(code: code, name: name, nameEn: "Haikou market \(code)", kind: "wholesale_market",
                                   region: "460106"))
        }
        for (index, id) in (operators + retailOperators).enumerated() {
            try store.upsert(Operator(id: id, node: String(id.dropFirst(3).prefix(8)), name: "经营户 \(index + 1)",
                                      kind: .individual, stall: "A-\(100 + index)"))
        }
        return store
    }

    /// Enrolls a device through a one-time code, keeping `deviceId` and `deviceNumber` when given.
    static func enroll(_ store: CentralStore, name: String, deviceId: String? = nil, deviceNumber: Int? = nil,
                       node: String = node) throws -> CentralStore.DeviceRecord {
        let code = try store.issueEnrollCode(node: node, expiresAt: store.clock() + day)
        let enrolled = try store.enroll(EnrollRequest(code: code, deviceName: name, deviceId: deviceId, node: node,
                                                      deviceNumber: deviceNumber))
        return try store.device(enrolled.deviceId)
    }

    /// What a series of pushes answered: how many entries got each verdict.
    struct Tally: Sendable {
        var applied = 0, conflict = 0, rejected = 0
        var total: Int { applied + conflict + rejected }

        mutating func add(_ response: PushResponse) {
            for verdict in response.verdicts {
                switch verdict.verdict {
                case .applied: applied += 1
                case .conflict: conflict += 1
                case .rejected: rejected += 1
                }
            }
        }

        var summary: String {
            "\(applied) applied, \(conflict) conflict (\(String(format: "%.1f", 100 * Double(conflict) / Double(max(total, 1))))%), \(rejected) rejected"
        }
    }

    /// Pushes every journal in chunks of `chunk` entries, the devices taking turns as they would reach a server.
    @discardableResult
    static func pushAll(_ store: CentralStore, devices: [CentralStore.DeviceRecord], journals: [[JournalEntry]],
                        chunk: Int) throws -> Tally {
        var tally = Tally()
        let longest = journals.map(\.count).max() ?? 0
        for start in stride(from: 0, to: longest, by: chunk) {
            for (device, journal) in zip(devices, journals) where start < journal.count {
                let slice = Array(journal[start..<min(start + chunk, journal.count)])
                tally.add(try store.push(device: device, entries: slice))
            }
        }
        return tally
    }
}
