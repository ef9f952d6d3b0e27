import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// A device's market day as a hash-chained journal, in the proportions a wholesale market sees: receipts,
/// inspections, sales, disposals and corrections of the receipts, with about 5% of all entries oversold sales (each
/// is applied with an `oversold` conflict on the server).
///
/// The payloads are written as JSON (the event structs have no public initialisers), in the fields the field
/// device records. Seeded, so every run pushes the same journals.
struct MarketJournal {
    let deviceId: String
    let node: String
    let deviceNumber: Int
    /// The node's operators a receipt may name.
    let operators: [String]
    private(set) var entries: [JournalEntry] = []

    private var random: SplitMix64
    private var wall: Int64
    private var serial = 0
    private var codeDate: String
    private var open: [OpenBatch] = []

    /// A batch still trading, with what the generator must know to keep its events valid.
    private struct OpenBatch {
        let code: TraceCode
        let receiptId: String
        var balance: Int64
        var corrections = 0
        var events = 1
    }

    /// A journal whose first entry is recorded at `start` (device wall time, milliseconds).
    init(deviceId: String, node: String, deviceNumber: Int, operators: [String], start: Int64, seed: UInt64) {
        self.deviceId = deviceId
        self.node = node
        self.deviceNumber = deviceNumber
        self.operators = operators
        self.wall = start
        self.random = SplitMix64(seed: seed)
        self.codeDate = BusinessTime.codeDate(start)
    }

    /// A journal of `count` entries.
    static func make(count: Int, deviceId: String, node: String, deviceNumber: Int, operators: [String],
                     start: Int64, seed: UInt64) -> [JournalEntry] {
        var journal = MarketJournal(deviceId: deviceId, node: node, deviceNumber: deviceNumber, operators: operators,
                                    start: start, seed: seed)
        while journal.entries.count < count { journal.appendNext() }
        return journal.entries
    }

    /// Moves the journal on to another business day whose first entry is recorded at `start`: the batches still
    /// open keep trading, new batches get codes of that day.
    mutating func startDay(at start: Int64) {
        wall = start
        codeDate = BusinessTime.codeDate(start)
    }

    /// Appends the next entry of the day's mix.
    mutating func appendNext() {
        wall += Int64.random(in: 50...250, using: &random)
        let roll = Int.random(in: 0..<100, using: &random)
        guard open.count >= 4, roll >= 22, let index = open.indices.randomElement(using: &random) else {
            return receipt()
        }
        switch roll {
        case ..<37: inspection(index)
        case ..<80: sale(index, oversold: false)
        case ..<85: sale(index, oversold: true)
        case ..<93: correction(index)
        default: disposal(index)
        }
        if open[index].balance <= 1_000 || open[index].events >= 12 { open.remove(at: index) }
    }

    private mutating func nextCode() -> TraceCode {
        serial += 1
        return TraceCode.make(node: node, deviceNumber: deviceNumber, date: codeDate, serial: serial)
    }

    private mutating func receipt() {
        let code = nextCode()
        let quantity = Int64.random(in: 100...2_000, using: &random) * 1_000
        let id = append(.receipt, [
            "batchCode": .string(code.digits), "node": .string(node), "product": .string("200101"),
            "quantity": .string(Quantity(units: quantity).description), "unit": .string("kg"),
            "operatorId": .string(operators.randomElement(using: &random)!), "supplier": .string("澄迈福山瓜菜合作社"),
            "origin": .string("469023"), "vehiclePlate": .string("琼A·\(10_000 + serial % 90_000)"),
        ])
        open.append(OpenBatch(code: code, receiptId: id, balance: quantity))
    }

    private mutating func inspection(_ index: Int) {
        append(.inspection, [
            "batchCode": .string(open[index].code.digits), "item": .string("农药残留"), "method": .string("速测卡"),
            "value": .string("\(Int.random(in: 5...30, using: &random))%"), "passed": .bool(true),
        ])
        open[index].events += 1
    }

    /// A sale of part of the balance, or (oversold) of more than the balance is.
    private mutating func sale(_ index: Int, oversold: Bool) {
        let balance = open[index].balance
        let quantity = oversold ? balance + 10_000 : Int64.random(in: 1...max(1, balance / 2_000), using: &random) * 1_000
        let child = nextCode()
        append(.sale, [
            "batchCode": .string(open[index].code.digits), "childCode": .string(child.digits),
            "buyerName": .string("王老板"), "quantity": .string(Quantity(units: quantity).description),
            "price": .string(Price(units: Int64.random(in: 200...900, using: &random)).description),
        ])
        open[index].balance -= quantity
        open[index].events += 1
    }

    /// A correction of the receipt's supplier, naming the version the inspector saw.
    private mutating func correction(_ index: Int) {
        append(.correction, [
            "batchCode": .string(open[index].code.digits), "target": .string(open[index].receiptId),
            "fields": .object(["supplier": .string("海南澄迈瓜菜合作社 \(serial)")]),
            "versionSeen": .integer(Int64(open[index].corrections)),
        ])
        open[index].corrections += 1
        open[index].events += 1
    }

    private mutating func disposal(_ index: Int) {
        append(.disposal, [
            "batchCode": .string(open[index].code.digits), "quantity": .string("1"), "reason": .string("腐烂"),
            "witness": .string("云秀英"),
        ])
        open[index].balance -= 1_000
        open[index].events += 1
    }

    /// Appends an entry of `kind` with `fields`, the business time and a new event id; returns the event id.
    @discardableResult
    private mutating func append(_ kind: EventKind, _ fields: [String: JSONValue]) -> String {
        let id = UUIDv7.make(millis: wall, using: &random)
        var payload = fields
        payload["eventId"] = .string(id)
        payload["time"] = .integer(wall)
        entries.append(JournalEntry(
            deviceId: deviceId, seq: Int64(entries.count + 1),
            hlc: HLCTimestamp(wallMillis: wall, counter: 0, deviceId: deviceId), wallTime: wall, author: "符永清",
            kind: kind, payload: .object(payload), prev: entries.last?.hash ?? JournalEntry.genesis
        ))
        return id
    }
}
