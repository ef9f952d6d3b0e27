import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A central store in a temporary file with node 46010001 (海口, region 460106) and 46010002, their operators, and
/// one enrolled device whose hash-chained journal the test writes and pushes entry by entry.
final class EPCISMarket {
    static let node = "46010001"
    static let otherNode = "46010002"
    static let receiver = "OP-46010001-001"
    static let buyer = "OP-46010001-003"
    static let otherOperator = "OP-46010002-001"
    /// 2026-11-24 06:00 China Standard Time.
    static let morning = marketMorning
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 24 * hour
    /// The export range of the market morning: 04:00 to 08:00.
    static let start = morning - 2 * hour
    static let end = morning + 2 * hour
    /// The batch of the morning.
    static let batch = code(1)
    /// What the morning records that must never reach the export: prices, buyers, the supplier, the witness, the
    /// vehicle plate, the operators and the voiding's free-text reason.
    static let secrets = ["13.57", "9.86", "王老板", buyer, "澄迈福山瓜菜合作社", "云秀英", "琼A·D1234", receiver,
                          "应为李老板", "price", "buyer", "witness", "supplier", "vehiclePlate"]

    let store: CentralStore
    private var devices: [String: (id: String, entries: [JournalEntry])] = [:]
    private var generator = SeededGenerator(seed: 0xE9C15)
    private var defaultDevice = ""

    private init(store: CentralStore) throws {
        self.store = store
        store.clock = { EPCISMarket.morning + EPCISMarket.day + EPCISMarket.hour }
        for code in [Self.node, Self.otherNode] {
            try store.addNode(Node(code: code, name: "海口市南北水果批发市场 \(code)", nameEn: "Haikou market \(code)",
                                   kind: "wholesale_market", region: "460106"))
        }
        for (id, node, name) in [(Self.receiver, Self.node, "海口龙华区张记蔬菜批发部"), (Self.buyer, Self.node, "海南琼北果蔬贸易有限公司"),
                                 (Self.otherOperator, Self.otherNode, "海口福记肉类批发部")] {
            try store.upsert(Operator(id: id, node: node, name: name, kind: .organisation))
        }
        defaultDevice = try enroll(node: Self.node)
    }

    /// Runs `body` with a fresh market whose file is removed afterwards.
    static func with<T>(_ body: (EPCISMarket) async throws -> T) async throws -> T {
        try await ProcessRun.withTemporaryDirectory { directory in
            try await body(EPCISMarket(store: CentralStore(path: directory.appendingPathComponent("central.sqlite").path)))
        }
    }

    /// Enrolls a device of `node` with a one-time code; returns its id.
    func enroll(node: String) throws -> String {
        let code = try store.issueEnrollCode(node: node, expiresAt: store.clock() + Self.day)
        let id = try store.enroll(EnrollRequest(code: code, deviceName: "\(node) 1 号机")).deviceId
        devices[id] = (id, [])
        return id
    }

    /// Appends `body` to the device's journal at device time `wall`, pushes it, and returns the event id.
    /// - Throws: when the server rejects the entry.
    @discardableResult
    func record(_ body: EventBody, at wall: Int64, device: String? = nil) throws -> String {
        let deviceId = device ?? defaultDevice
        let id = UUIDv7.make(millis: wall, using: &generator)
        var journal = devices[deviceId]!
        let entry = JournalEntry(
            deviceId: deviceId, seq: Int64(journal.entries.count + 1),
            hlc: HLCTimestamp(wallMillis: wall, counter: 0, deviceId: deviceId), wallTime: wall, author: "符永清",
            kind: body.kind, payload: try body.payload(id: id), prev: journal.entries.last?.hash ?? JournalEntry.genesis
        )
        journal.entries.append(entry)
        devices[deviceId] = journal
        let response = try store.push(device: store.device(deviceId), entries: [entry])
        guard let verdict = response.verdicts.first, verdict.verdict != .rejected else {
            throw Rejected(description: "entry \(entry.seq) was rejected: \(String(describing: response.verdicts))")
        }
        return id
    }

    /// The server rejected an entry the test meant to be merged.
    struct Rejected: Error, CustomStringConvertible {
        let description: String
    }

    /// The event ids of `recordMorning()`.
    struct Morning {
        let receipt, correction, passedInspection, sale, voidedSale, failedInspection, disposal, voiding: String
    }

    /// The morning at 46010001: a receipt of 100 kg corrected to 120 kg, a passing test, two sales, a failing test,
    /// a disposal, and a voiding of the second sale.
    func recordMorning() throws -> Morning {
        let t = Self.morning
        let receipt = try record(Self.receipt(), at: t - Self.hour)
        let correction = try record(.correction(Correction(batchCode: Self.batch, target: receipt, fields: ["quantity": "120"],
                                                           versionSeen: 0, time: t - 50 * 60_000)), at: t - 50 * 60_000)
        let passed = try record(Self.inspection(passed: true), at: t - 40 * 60_000)
        let sale = try record(Self.sale(child: Self.code(2), quantity: "30", buyer: "王老板", price: "13.57", time: t - 30 * 60_000),
                              at: t - 30 * 60_000)
        let voided = try record(Self.sale(child: Self.code(3), quantity: "12.5", buyerOperatorId: Self.buyer, price: "9.86",
                                          time: t - 20 * 60_000), at: t - 20 * 60_000)
        let failed = try record(Self.inspection(passed: false), at: t)
        let disposal = try record(.disposal(Disposal(batchCode: Self.batch, quantity: Quantity("20")!, reason: "检测不合格",
                                                     witness: "云秀英", time: t + 10 * 60_000)), at: t + 10 * 60_000)
        let voiding = try record(.voiding(Voiding(batchCode: Self.batch, target: voided, reason: "录错：应为李老板",
                                                  time: t + 20 * 60_000)), at: t + 20 * 60_000)
        return Morning(receipt: receipt, correction: correction, passedInspection: passed, sale: sale, voidedSale: voided,
                       failedInspection: failed, disposal: disposal, voiding: voiding)
    }

    /// The code device 1 of `node` issues as its `serial`th code of 2026-11-24.
    static func code(_ serial: Int, node: String = node) -> TraceCode {
        TraceCode.make(node: node, deviceNumber: 1, date: "261124", serial: serial)
    }

    static func receipt(_ batch: TraceCode = batch, node: String = node, operatorId: String = receiver) -> EventBody {
        .receipt(Receipt(
            batchCode: batch, node: node, product: "200101", quantity: Quantity("100")!, unit: "kg", operatorId: operatorId,
            supplier: "澄迈福山瓜菜合作社", origin: "469023", originCert: "HN-CM-2026-0815", vehiclePlate: "琼A·D1234",
            time: morning - hour
        ))
    }

    static func inspection(passed: Bool) -> EventBody {
        .inspection(Inspection(batchCode: batch, item: "农药残留", method: "速测卡", value: passed ? "12%" : "62%",
                               passed: passed, time: passed ? morning - 40 * 60_000 : morning))
    }

    static func sale(
        child: TraceCode, quantity: String, buyer: String? = nil, buyerOperatorId: String? = nil, price: String, time: Int64
    ) -> EventBody {
        .sale(Sale(batchCode: batch, childCode: child, buyerOperatorId: buyerOperatorId, buyerName: buyer,
                   quantity: Quantity(quantity)!, price: Price(price), time: time))
    }
}
