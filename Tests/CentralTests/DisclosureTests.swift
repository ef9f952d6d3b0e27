import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The one allow-list of what leaves the platform (`Disclosure`) and how corrections pass through it.
@Suite struct DisclosureTests {
    static let batch = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 1)
    static let child = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 2)

    /// One recorded event of every kind a correction can target, with every optional member set.
    static let bodies: [EventBody] = [
        .receipt(Receipt(batchCode: batch, node: "46010001", product: "100101", quantity: Quantity("120.5")!, unit: "kg",
                         operatorId: "OP-46010001-001", supplier: "澄迈金江屠宰场", origin: "460106", upstreamCode: "U-1",
                         quarantineCert: "Q-1", meatQualityCert: "M-1", originCert: "O-1", vehiclePlate: "琼A·12345",
                         time: marketMorning)),
        .inspection(Inspection(batchCode: batch, item: "瘦肉精", method: "胶体金", value: "0.1", passed: true, time: marketMorning)),
        .sale(Sale(batchCode: batch, childCode: child, buyerOperatorId: "OP-46010001-003", buyerName: nil,
                   quantity: Quantity("20")!, price: Price("36.75"), time: marketMorning)),
        .disposal(Disposal(batchCode: batch, quantity: Quantity("2")!, reason: "变质", witness: "符海燕", time: marketMorning)),
    ]

    static var correctableFields: [(EventBody, String)] {
        bodies.flatMap { body in CorrectableFields.names(for: body.kind).map { (body, $0) } }
    }

    @Test(arguments: correctableFields)
    func everyCorrectableFieldNamesExactlyTheMembersItSets(body: EventBody, field: String) throws {
        let value = switch field {
        case "quantity": "7.5"
        case "price": "1.25"
        case "result": "fail"
        default: "探测值"
        }
        let before = try members(body), after = try members(CorrectableFields.apply(field, value, to: body))
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(changed == Set(CorrectableFields.members(field, of: body.kind) ?? []), "\(body.kind).\(field)")
    }

    @Test func aCorrectionShowsOnlyTheFieldsTheCorrectedKindMayShow() {
        let correction = EventBody.correction(Correction(
            batchCode: Self.batch, target: "e1", fields: ["price": "9.99", "buyer": "王五", "quantity": "3"],
            versionSeen: 0, time: marketMorning
        ))
        #expect(Disclosure.disclose(correction, correcting: .sale, to: .exchange).members["fields"]
            == .object(["quantity": .string("3")]))
        #expect(Disclosure.disclose(correction, correcting: nil, to: .exchange).members["fields"] == .object([:]),
                "a correction of an event not known shows no fields")
        let malformed = JSONValue.object(["target": .string("e1"), "fields": .string("price=9.99"), "versionSeen": .integer(0)])
        #expect(Disclosure.disclose(kind: .correction, payload: malformed, correcting: .sale, to: .exchange).members
            == ["target": .string("e1"), "versionSeen": .integer(0)], "fields that are not a map are not shown")
        #expect(Disclosure.disclose(correction, correcting: .sale, to: .epcis).members.isEmpty)
        #expect(Disclosure.disclose(correction, correcting: .sale, to: .consumer).members.isEmpty)
    }

    @Test(arguments: Audience.allCases)
    func aMemberNotListedNeverLeaves(audience: Audience) {
        let payload = JSONValue.object([
            "id": .string("OP-1"), "node": .string("46010001"), "name": .string("个体户黎明"), "kind": .string("individual"),
            "idNumber": .string("460107198603120426"), "phone": .string("13907561234"),
            "idNumberSealed": .string("v1:AAAA"), "eventId": .string("OP-1"),
        ])
        let shown = Disclosure.disclose(kind: .operatorRegistration, payload: payload, to: audience)
        #expect(shown.members["idNumber"] == nil && shown.members["phone"] == nil && shown.members["idNumberSealed"] == nil)
        #expect(shown.members["eventId"] == nil)
        #expect(Set(shown.members.keys).isSubset(of: Disclosure.members(.operatorRegistration, for: audience)))
    }

    @Test(arguments: Audience.allCases)
    func pricesBuyersAndPersonalNumbersAreOnNoList(audience: Audience) {
        for kind in EventKind.allCases {
            let listed = Disclosure.members(kind, for: audience)
            #expect(listed.isDisjoint(with: ["price", "buyerName", "idNumber", "phone", "eventId"]), "\(audience) \(kind)")
        }
    }

    private func members(_ body: EventBody) throws -> [String: JSONValue] {
        guard case .object(let members) = try body.payload(id: "e1") else { return [:] }
        return members
    }
}
