import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The pure EPCIS builder: quantities, times, identifiers and what it skips, with no store.
@Suite struct EPCISMappingTests {
    @Test(arguments: [
        ("kg", "120", "KGM", 120), ("kg", "12.5", "GRM", 12_500), ("kg", "0.001", "GRM", 1),
        ("t", "2", "TNE", 2), ("t", "1.25", "KGM", 1_250),
        ("head", "3", "H87", 3), ("piece", "40", "H87", 40), ("box", "12", "H87", 12),
    ] as [(String, String, String, Int64)])
    func quantitiesUseTheLargestRec20UnitInWhichTheyAreWhole(unit: String, quantity: String, uom: String, value: Int64) {
        #expect(EPCISQuantity.measure(Quantity(quantity)!, unit: unit) == .init(value: value, uom: uom))
        #expect(EPCISQuantity.fallback(Quantity(quantity)!, unit: unit).isEmpty)
    }

    @Test(arguments: [("head", "1.5"), ("box", "0.25"), ("jin", "5")])
    func aQuantityNoRec20UnitExpressesStaysExactInExtensionFields(unit: String, quantity: String) async throws {
        #expect(EPCISQuantity.measure(Quantity(quantity)!, unit: unit) == nil)
        let document = EPCISDocument.make(events: [disposal(quantity, unit: unit)], creationDate: marketMorning)
        let event = try #require(document.epcisEvents.first)
        #expect(event["quantityList"]?.epcisItems.first == .object(["epcClass": .string(lot)]))
        #expect(event["ts:quantity"] == .string(quantity) && event["ts:unit"] == .string(unit))
        try await expectValidEPCIS(document)
    }

    @Test func timesAreChinaStandardTimeWithMilliseconds() {
        #expect(EPCISTime.string(marketMorning) == "2026-11-24T06:00:00.000+08:00")
        #expect(EPCISTime.string(0) == "1970-01-01T08:00:00.000+08:00")
        #expect(EPCISTime.string(-1) == "1970-01-01T07:59:59.999+08:00")
        #expect(EPCISTime.string(1_835_452_799_999) == "2028-02-29T23:59:59.999+08:00")
    }

    @Test func timesAgreeWithBusinessTimeToTheSecond() {
        var generator = SeededGenerator(seed: 2_260)
        for _ in 0..<500 {
            let millis = Int64.random(in: 0...4_102_444_800_000, using: &generator)
            #expect(EPCISTime.string(millis).prefix(19) == BusinessTime.iso(millis).prefix(19), "at \(millis)")
        }
    }

    @Test func eventIdsAreUUIDURNsAndOtherIdsStillMakeURIs() {
        #expect(EPCISIdentifiers.event("019A5E3C-7B2D-7C41-8E0F-1234567890AB") == "urn:uuid:019a5e3c-7b2d-7c41-8e0f-1234567890ab")
        #expect(EPCISIdentifiers.event("录入 #1") == "https://tracesync.example.cn/event/%E5%BD%95%E5%85%A5%20%231")
    }

    @Test func correctionsVoidingsAndRepeatsAreNotEventsOfTheirOwn() {
        let correction = ExportedEvent(
            id: UUIDv7.make(millis: marketMorning), node: "46010001", nodeRegion: "460106",
            body: .correction(Correction(batchCode: batch, target: "x", fields: ["quantity": "1"], versionSeen: 0, time: marketMorning)),
            product: "200101", unit: "kg"
        )
        let voiding = ExportedEvent(
            id: UUIDv7.make(millis: marketMorning), node: "46010001", nodeRegion: "460106",
            body: .voiding(Voiding(batchCode: batch, target: "x", reason: "录错", time: marketMorning)), product: "200101", unit: "kg"
        )
        let fact = disposal("5", unit: "kg")
        let document = EPCISDocument.make(events: [correction, fact, voiding, fact], creationDate: marketMorning)
        #expect(document.epcisEvents.count == 1)
    }

    @Test func theSchemaCheckCatchesABrokenEvent() async throws {
        let document = EPCISDocument.make(events: [disposal("5", unit: "kg")], creationDate: marketMorning)
        guard case .object(var members) = document else { Issue.record("not an object"); return }
        members["epcisBody"] = .object(["eventList": .array([document.epcisEvents[0].epcisRemoving("eventTimeZoneOffset")])])
        let violations = try await EPCISValidation.violations(of: .object(members))
        #expect(violations.contains { $0.contains("eventTimeZoneOffset") }, "got \(violations)")
    }

    private let batch = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 1)
    private var lot: String { "https://tracesync.example.cn/lot/" + batch.digits }

    private func disposal(_ quantity: String, unit: String) -> ExportedEvent {
        ExportedEvent(
            id: "019a5e3c-7b2d-7c41-8e0f-1234567890ab", node: "46010001", nodeRegion: "460106",
            body: .disposal(Disposal(batchCode: batch, quantity: Quantity(quantity)!, reason: "腐烂", time: marketMorning)),
            product: "200101", unit: unit
        )
    }
}
