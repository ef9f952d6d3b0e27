import Foundation
import SyncCore

/// One batch at market 46010001, pushed through the sync route: a receipt, a passing inspection and a priced sale to
/// a named buyer, whose child code a consumer looks up.
struct TraceSample {
    /// The batch's own trace code and the buyer's child code.
    let batchCode: String
    let childCode: String
    /// The values that must never reach the public views.
    static let price = "36.75"
    static let buyer = "海口美兰区陈记肉档"

    /// Records and pushes the sample with a newly enrolled device.
    static func pushed(to server: ServerHarness) async throws -> TraceSample {
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
        try journal.append(.sale(sale))
        try await server.push(journal)
        return TraceSample(batchCode: batch.digits, childCode: child.digits)
    }

    /// `code` with its last digit changed: a mistyped code whose check digits fail.
    static func mistyped(_ code: String) -> String {
        let last = code.last!.wholeNumberValue!
        return String(code.dropLast()) + String((last + 1) % 10)
    }
}
