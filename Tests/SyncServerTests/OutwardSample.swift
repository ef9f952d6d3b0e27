import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing

/// One batch at market 46010001 with an event of every kind a correction can target — a receipt, an inspection, a
/// priced sale to a named buyer and a witnessed disposal — and an individual registered with personal numbers,
/// pushed through the sync route; then a correction of one field, and every outward view read back over HTTP.
struct OutwardSample {
    /// A field a correction sets to a recognisable value, and the views that may show it.
    struct CorrectedField: Sendable, CustomTestStringConvertible {
        let kind: EventKind
        let field: String
        let value: String
        let shownIn: Set<OutwardView>

        var testDescription: String { "\(kind.rawValue).\(field)" }
    }

    /// Every field a correction can set that some view must keep back, then fields the views show, so each view
    /// is seen to carry corrected values where it may.
    static let corrected: [CorrectedField] = [
        .init(kind: .sale, field: "price", value: "9876.54", shownIn: []),
        .init(kind: .sale, field: "buyer", value: "秘密买家海口王五商行", shownIn: [.recall]),
        .init(kind: .receipt, field: "supplier", value: "保密供应商澄迈甲乙合作社", shownIn: [.feed]),
        .init(kind: .receipt, field: "operator", value: "OP-46010001-002", shownIn: [.feed, .csvBatches, .recall]),
        .init(kind: .receipt, field: "vehicle_plate", value: "琼A·S9753", shownIn: [.feed]),
        .init(kind: .disposal, field: "witness", value: "见证人赵六", shownIn: [.feed]),
        .init(kind: .disposal, field: "reason", value: "霉变腐烂无害化", shownIn: [.feed, .epcis]),
        .init(kind: .inspection, field: "method", value: "胶体金快速检测法", shownIn: [.feed, .csvInspections, .epcis]),
        .init(kind: .receipt, field: "quarantine_cert", value: "动检字4600123456", shownIn: [.feed, .epcis]),
        .init(kind: .inspection, field: "item", value: "克伦特罗残留",
              shownIn: [.feed, .csvInspections, .epcis, .publicJSON, .publicPage, .recall]),
    ]

    /// Values recorded before the correction that no outward view may show: the sale's price, the registered
    /// individual's ID card and phone numbers, the disposal's witness.
    static let price = "36.75"
    static let idNumber = "460107198603120426", phone = "13907561234"
    static let witness = "市场管理员符海燕"

    let batchCode: String
    let childCode: String
    /// The verdicts on the events pushed, the correction's last.
    let verdicts: [Verdict]

    /// Records and pushes the sample with a newly enrolled device, then the correction of `corrected`.
    static func pushed(to server: ServerHarness, correcting corrected: CorrectedField) async throws -> OutwardSample {
        var journal = JournalWriter(device: try await server.enroll())
        let person = Operator(id: "OP-46010001-T01", node: journal.device.node.code, name: "个体户黎明", kind: .individual,
                              idNumber: idNumber, phone: phone)
        try journal.append(.operatorRegistration(person), id: person.id)
        let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
        let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
        let batch = body.batchCode!
        let now = BusinessTime.now()
        let inspection = try journal.append(.inspection(try JSONValue.object([
            "batchCode": .string(batch.digits), "item": .string("瘦肉精"), "passed": .bool(true), "time": .integer(now),
        ]).decode(Inspection.self)))
        let child = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                   date: BusinessTime.codeDate(now), serial: 2)
        let sale = try journal.append(.sale(try JSONValue.object([
            "batchCode": .string(batch.digits), "childCode": .string(child.digits), "buyerName": .string(TraceSample.buyer),
            "quantity": .string("20.5"), "price": .string(price), "time": .integer(now),
        ]).decode(Sale.self)))
        let disposal = try journal.append(.disposal(try JSONValue.object([
            "batchCode": .string(batch.digits), "quantity": .string("2"), "reason": .string("变质"),
            "witness": .string(witness), "time": .integer(now),
        ]).decode(Disposal.self)))
        let target = switch corrected.kind {
        case .receipt: receipt
        case .inspection: inspection
        case .sale: sale
        default: disposal
        }
        try journal.correct(target, fields: [corrected.field: corrected.value], versionSeen: 0)
        let answer = try await server.push(journal)
        return OutwardSample(batchCode: batch.digits, childCode: child.digits,
                             verdicts: answer.verdicts.map(\.verdict))
    }

    /// The text of every outward view of the sample over HTTP: the whole feed, each CSV and the EPCIS document of
    /// the day as a province admin reads them, the public JSON and page of the batch code and the child code, and
    /// the recall as the node's own admin reads it.
    func views(_ server: ServerHarness) async throws -> [OutwardView: String] {
        let province = try server.adminToken()
        let nodeAdmin = try server.session(of: "node-46010001", role: .node, nodes: ["46010001"])
        let today = BusinessTime.dayOf(BusinessTime.now())
        func get(_ uri: String, _ token: String?) async throws -> String {
            let response = try await server.send(.get, uri, secret: token)
            guard response.status == .ok else { throw ServerHarness.HarnessError.unexpected(response.status, response.text) }
            return response.text
        }
        var views: [OutwardView: String] = [:]
        views[.feed] = try await get("/v1/export/feed?limit=1000", province)
        views[.csvBatches] = try await get("/v1/export/csv/batches?from=\(today)&to=\(today)", province)
        views[.csvInspections] = try await get("/v1/export/csv/inspections?from=\(today)&to=\(today)", province)
        views[.csvSales] = try await get("/v1/export/csv/sales?from=\(today)&to=\(today)", province)
        views[.epcis] = try await get("/v1/export/epcis?from=\(today)&to=\(today)", province)
        views[.publicJSON] = try await get("/v1/trace/\(childCode)", nil) + get("/v1/trace/\(batchCode)", nil)
        views[.publicPage] = try await get("/t/\(childCode)", nil) + get("/t/\(batchCode)", nil)
        views[.recall] = try await get("/v1/admin/recall/\(batchCode)", nodeAdmin)
        return views
    }
}

/// The views that carry events off the platform, and the admins' recall.
enum OutwardView: String, CaseIterable, Sendable {
    case feed, csvBatches, csvInspections, csvSales, epcis, publicJSON, publicPage, recall
}
