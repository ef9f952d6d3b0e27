import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Devices of two markets recording random market days against one central store, with offline periods, random
/// sync order, lost answers, interrupted and repeated pushes, and clocks skewed by up to ±3 days.
final class MarketSimulation {
    static let nodes = ["46010001", "46010002"]
    static let products = ["100104", "200102", "300101", "220101", "110102"]
    static let certificates = (1...8).map { "46003120\($0)0" }

    let seed: UInt64
    var random: SeededGenerator
    let central: CentralStore
    var devices: [SimulatedDevice] = []
    /// Simulated wall time, milliseconds.
    var now: Int64 = 1_795_975_200_000
    var step = 0
    /// Valid credit codes, few enough that devices register the same organisation twice.
    let creditCodes: [String]

    init(seed: UInt64, devicesPerNode: Int = 4) throws {
        self.seed = seed
        random = SeededGenerator(seed: seed)
        central = try CentralStore(path: ":memory:")
        creditCodes = (1...4).map { index in
            let body = Array("91460100MA5T0000\(index)")
            return String(body) + String(CreditCode.checkCharacter(for: body))
        }
        central.clock = { [unowned self] in now }
        for (index, node) in Self.nodes.enumerated() {
            try central.addNode(Node(code: node, name: "市场\(index + 1)", nameEn: "Market \(index + 1)",
                                     kind: "wholesale_market", region: "460106"))
            for stall in 1...3 {
                try central.upsert(Operator(id: "OP-\(node)-00\(stall)", node: node, name: "摊位\(node)-\(stall)",
                                            kind: .individual))
            }
        }
        for node in Self.nodes {
            for number in 1...devicesPerNode {
                let skew = Int64.random(in: -3 * 86_400_000...3 * 86_400_000, using: &random)
                devices.append(try SimulatedDevice(
                    name: "\(node)-\(number)", node: node, number: number, skew: skew, central: central, clock: { [unowned self] in now }
                ))
            }
        }
        for device in devices { try sync(device, flaky: false) }
    }

    /// One random action of one random device.
    func advance() throws {
        step += 1
        now += Int64.random(in: 1_000...90_000, using: &random)
        let device = devices.randomElement(using: &random)!
        let roll = Int.random(in: 0..<100, using: &random)
        do {
            switch roll {
            case 0..<30: try receive(device)
            case 30..<42: try inspect(device)
            case 42..<64: try sell(device)
            case 64..<68: try dispose(device)
            case 68..<77: try correct(device)
            case 77..<81: try void(device)
            case 81..<83: try registerOperator(device)
            case 83..<86: device.offlineUntil = step + Int.random(in: 5...200, using: &random)
            case 86..<88: try releaseSomeHold()
            default: if device.offlineUntil <= step { try sync(device, flaky: true) }
            }
        } catch is TraceSyncError {
            // Refused locally (a held batch, not enough balance, …): the inspector is told and nothing is written.
        }
    }

    /// Every device syncs, in random order, without faults.
    func syncEveryone() throws {
        for device in devices.shuffled(using: &random) { try sync(device, flaky: false) }
    }

    /// Push until acknowledged, then pull until up to date; when `flaky`, answers get lost, pushes are cut short or
    /// repeated, and pages are dropped, as on a field network.
    func sync(_ device: SimulatedDevice, flaky: Bool) throws {
        while true {
            var entries = try device.store.pendingEntries(limit: Int.random(in: 1...40, using: &random))
            guard !entries.isEmpty else { break }
            if flaky, chance(10), let acked = try device.store.syncSettings()?.ackedSeq, acked > 0 {
                entries = try device.store.journalEntries(from: max(1, acked - 5), limit: 45)
            }
            if flaky, chance(10) { return }
            let response = try central.push(device: device.record, entries: entries)
            if flaky, chance(12) { return }
            try device.store.applyPush(response)
        }
        while true {
            let cursor = try device.store.syncSettings()!.pullCursor
            let page = try central.pull(device: device.record, cursor: cursor, limit: Int.random(in: 1...60, using: &random))
            if flaky, chance(8) { return }
            try device.store.applyPull(page)
            if !page.more { break }
        }
        try device.store.syncCompleted()
    }

    private func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    private func someBatch(_ device: SimulatedDevice) throws -> String? {
        let count = try device.store.database.scalar("SELECT count(*) FROM batches") ?? 0
        guard count > 0 else { return nil }
        return try device.store.database.row(
            "SELECT code FROM batches ORDER BY code LIMIT 1 OFFSET ?", Int64.random(in: 0..<count, using: &random)
        )?.string("code")
    }

    private func receive(_ device: SimulatedDevice) throws {
        let node = device.store.identity.node
        try device.store.receive(ReceiptInput(
            product: Self.products.randomElement(using: &random)!,
            quantity: String(Int.random(in: 20...400, using: &random)),
            operatorRef: "OP-\(node)-00\(Int.random(in: 1...3, using: &random))", supplier: "供货方\(step % 7)",
            origin: ["469023", "460106", "440000"].randomElement(using: &random)!,
            quarantineCert: chance(40) ? Self.certificates.randomElement(using: &random) : nil
        ))
    }

    private func inspect(_ device: SimulatedDevice) throws {
        guard let code = try someBatch(device) else { return }
        try device.store.inspect(code: code, item: "农药残留", method: nil, value: nil,
                                 result: chance(12) ? "fail" : "pass", time: nil)
    }

    private func sell(_ device: SimulatedDevice) throws {
        guard let code = try someBatch(device) else { return }
        try device.store.sell(SaleInput(code: code, quantity: String(Int.random(in: 5...150, using: &random)),
                                        buyer: "买方\(step % 11)", price: "12.5"))
    }

    private func dispose(_ device: SimulatedDevice) throws {
        guard let code = try someBatch(device) else { return }
        try device.store.dispose(code: code, quantity: String(Int.random(in: 1...30, using: &random)),
                                 reason: "变质", witness: nil, time: nil)
    }

    private func correct(_ device: SimulatedDevice) throws {
        guard let code = try someBatch(device) else { return }
        let fields = chance(70) ? ["supplier": "更正供货方\(Int.random(in: 0...3, using: &random))"]
            : ["quantity": String(Int.random(in: 100...600, using: &random))]
        try device.store.correct(target: code, fields: fields, time: nil)
    }

    private func void(_ device: SimulatedDevice) throws {
        guard let code = try someBatch(device) else { return }
        let state = try device.store.requireBatch(code)
        guard let line = state.lines.filter({ $0.counts && [.sale, .inspection, .disposal].contains($0.event.body.kind) })
            .randomElement(using: &random) else { return }
        try device.store.void(eventId: line.event.id, reason: "录入错误", time: nil)
    }

    /// An admin releases a held batch; refused while no passing re-test follows what holds it.
    private func releaseSomeHold() throws {
        guard let held = try central.holds().randomElement(using: &random) else { return }
        try central.releaseHold(held.code, ReleaseRequest(note: "复检合格"), author: "省平台管理员")
    }

    private func registerOperator(_ device: SimulatedDevice) throws {
        let code = creditCodes.randomElement(using: &random)!
        try device.store.registerOperator(OperatorInput(name: "公司\(code.suffix(3))", kind: .organisation, creditCode: code))
    }
}
