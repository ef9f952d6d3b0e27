import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Writes a device's journal as the field app does: contiguous seqs, each entry chained to the previous hash.
struct JournalWriter {
    let device: EnrollResponse
    private(set) var entries: [JournalEntry] = []
    private var clock: HybridLogicalClock

    init(device: EnrollResponse) {
        self.device = device
        self.clock = HybridLogicalClock(deviceId: device.deviceId)
    }

    /// Appends an event with id `id` (a new UUIDv7 by default) and returns its entry.
    @discardableResult
    mutating func append(_ body: EventBody, id: String = UUIDv7.make()) throws -> JournalEntry {
        let now = BusinessTime.now()
        let entry = JournalEntry(
            deviceId: device.deviceId, seq: Int64(entries.count + 1), hlc: clock.tick(wallMillis: now), wallTime: now,
            author: "符永清", kind: body.kind, payload: try body.payload(id: id),
            prev: entries.last?.hash ?? JournalEntry.genesis
        )
        entries.append(entry)
        return entry
    }

    /// Registers an operator at the device's node. The payload's `id` member is both the event id and the
    /// operator's, so the event carries the operator's id.
    @discardableResult
    mutating func registerOperator(id: String) throws -> JournalEntry {
        let registered = Operator(id: id, node: device.node.code, name: "海口龙华区王记蔬菜批发部", kind: .organisation,
                                  stall: "D-001")
        return try append(.operatorRegistration(registered), id: id)
    }

    /// Records a receipt of 120.5 kg of pork carcass (product 100101) from Chengmai for `operatorId`.
    @discardableResult
    mutating func receive(serial: Int, operatorId: String) throws -> JournalEntry {
        let now = BusinessTime.now()
        let code = TraceCode.make(node: device.node.code, deviceNumber: device.deviceNumber,
                                  date: BusinessTime.codeDate(now), serial: serial)
        let receipt = try JSONValue.object([
            "batchCode": .string(code.digits), "node": .string(device.node.code), "product": .string("100101"),
            "quantity": .string("120.5"), "unit": .string("kg"), "operatorId": .string(operatorId),
            "supplier": .string("澄迈金江屠宰场"), "origin": .string("460106"), "time": .integer(now),
        ]).decode(Receipt.self)
        return try append(.receipt(receipt))
    }
}
