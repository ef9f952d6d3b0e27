import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// One batch at market 46010001, pushed through the sync route: a receipt, a passing inspection and a priced sale to
/// a named buyer, whose child code a consumer looks up.
struct TraceSample {
    /// The batch's own trace code and the buyer's child code.
    let batchCode: String
    let childCode: String
    /// The sale's event id, for a voiding.
    let saleEventId: String
    /// The values that must never reach the public views.
    static let price = "36.75"
    static let buyer = "海口美兰区陈记肉档"

    /// Records and pushes the sample with a newly enrolled device, and what `more` appends after the sale.
    static func pushed(
        to server: ServerHarness, then more: (inout JournalWriter, TraceSample) throws -> Void = { _, _ in }
    ) async throws -> TraceSample {
        var journal = JournalWriter(device: try await server.enroll())
        let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
        let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
        let batch = body.batchCode!
        let now = BusinessTime.now()
        let inspection = try JSONValue.object([
            "batchCode": .string(batch.digits), "item": .string("瘦肉精"), "passed": .bool(true), "time": .integer(now),
        ]).decode(Inspection.self)
        try journal.append(.inspection(inspection))
        let child = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                   date: BusinessTime.codeDate(now), serial: 2)
        let sale = try JSONValue.object([
            "batchCode": .string(batch.digits), "childCode": .string(child.digits), "buyerName": .string(buyer),
            "quantity": .string("20.5"), "price": .string(price), "time": .integer(now),
        ]).decode(Sale.self)
        let saleEventId = UUIDv7.make()
        try journal.append(.sale(sale), id: saleEventId)
        let sample = TraceSample(batchCode: batch.digits, childCode: child.digits, saleEventId: saleEventId)
        try more(&journal, sample)
        try await server.push(journal)
        return sample
    }

    /// `code` with its last digit changed: a mistyped code whose check digits fail.
    static func mistyped(_ code: String) -> String {
        let last = code.last!.wholeNumberValue!
        return String(code.dropLast()) + String((last + 1) % 10)
    }

    /// Appends a test of `item` that fails, which holds the batch.
    static func failTest(_ journal: inout JournalWriter, _ sample: TraceSample, item: String = "瘦肉精") throws {
        try journal.append(.inspection(try JSONValue.object([
            "batchCode": .string(sample.batchCode), "item": .string(item), "passed": .bool(false),
            "time": .integer(BusinessTime.now()),
        ]).decode(Inspection.self)))
    }

    /// Appends the disposal of what is left of the batch (120.5 kg received, 20.5 kg sold).
    static func destroyTheRest(_ journal: inout JournalWriter, _ sample: TraceSample) throws {
        try journal.append(.disposal(try JSONValue.object([
            "batchCode": .string(sample.batchCode), "quantity": .string("100"), "reason": .string("检测不合格，监督销毁"),
            "time": .integer(BusinessTime.now()),
        ]).decode(Disposal.self)))
    }

    /// Appends the voiding of the sale.
    static func voidTheSale(_ journal: inout JournalWriter, _ sample: TraceSample) throws {
        try journal.append(.voiding(try JSONValue.object([
            "batchCode": .string(sample.batchCode), "target": .string(sample.saleEventId), "reason": .string("录入错误"),
            "time": .integer(BusinessTime.now()),
        ]).decode(Voiding.self)))
    }
}
