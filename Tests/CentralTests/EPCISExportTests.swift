import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The EPCIS export from a central store that merged a device's pushed journal.
@Suite struct EPCISExportTests {
    typealias M = EPCISMarket

    @Test func aMarketMorningExportsOneEventPerFactAndValidates() async throws {
        try await EPCISMarket.with { market in
            let ids = try market.recordMorning()
            let document = try market.store.epcisDocument(from: M.start, to: M.end, node: M.node)
            let events = Dictionary(uniqueKeysWithValues: document.epcisEvents.map { ($0["eventID"]!.epcisText!, $0) })

            #expect(document["type"] == .string("EPCISDocument"))
            #expect(document["schemaVersion"] == .string("2.0"))
            #expect(document.epcisEvents.count == 6, "receipt, 2 inspections, 2 sales, disposal: one event per fact")
            #expect(events[uri(ids.correction)] == nil && events[uri(ids.voiding)] == nil)

            let receipt = try #require(events[uri(ids.receipt)])
            expect(receipt, type: "ObjectEvent", action: "ADD", bizStep: "receiving", disposition: "in_progress")
            #expect(receipt["quantityList"] == .array([quantity(M.batch, 120, "KGM")]), "the corrected quantity, 120 kg")
            #expect(receipt["bizLocation"]?["id"] == .string("https://tracesync.example.cn/node/46010001"))
            #expect(receipt["ilmd"]?["ts:product"] == .string("200101"))
            #expect(receipt["ilmd"]?["ts:origin"] == .string("469023"))
            #expect(receipt["ilmd"]?["ts:originCert"] == .string("HN-CM-2026-0815"))
            #expect(receipt["eventTime"] == .string("2026-11-24T05:00:00.000+08:00"))
            #expect(receipt["eventTimeZoneOffset"] == .string("+08:00"))

            let passed = try #require(events[uri(ids.passedInspection)])
            expect(passed, type: "ObjectEvent", action: "OBSERVE", bizStep: "inspecting", disposition: "conformant")
            #expect(passed["ts:testItem"] == .string("农药残留") && passed["ts:result"] == .string("pass"))
            let failed = try #require(events[uri(ids.failedInspection)])
            expect(failed, type: "ObjectEvent", action: "OBSERVE", bizStep: "inspecting", disposition: "non_conformant")
            #expect(failed["ts:result"] == .string("fail"))

            let sale = try #require(events[uri(ids.sale)])
            expect(sale, type: "TransformationEvent", action: nil, bizStep: "shipping", disposition: "in_transit")
            #expect(sale["inputQuantityList"] == .array([quantity(M.batch, 30, "KGM")]))
            #expect(sale["outputQuantityList"] == .array([quantity(M.code(2), 30, "KGM")]))
            #expect(sale["errorDeclaration"] == nil)

            let voided = try #require(events[uri(ids.voidedSale)])
            expect(voided, type: "TransformationEvent", action: nil, bizStep: "shipping", disposition: "in_transit")
            #expect(voided["outputQuantityList"] == .array([quantity(M.code(3), 12_500, "GRM")]), "12.5 kg exactly")
            #expect(voided["errorDeclaration"] == .object([
                "declarationTime": .string("2026-11-24T06:20:00.000+08:00"),
                "reason": .string("did_not_occur"),
                "ts:voidingEvent": .string(uri(ids.voiding)),
            ]))

            let disposal = try #require(events[uri(ids.disposal)])
            expect(disposal, type: "ObjectEvent", action: "DELETE", bizStep: "destroying", disposition: "destroyed")
            #expect(disposal["quantityList"] == .array([quantity(M.batch, 20, "KGM")]))

            let text = document.canonicalString
            for secret in M.secrets { #expect(!text.contains(secret), "the export must not contain \(secret)") }
            try await expectValidEPCIS(document)
        }
    }

    @Test func aVoidingInTheRangeResendsTheEventItCancelsFromAnEarlierRange() async throws {
        try await EPCISMarket.with { market in
            let receipt = try market.record(M.receipt(), at: M.morning - M.hour)
            let sale = try market.record(M.sale(child: M.code(2), quantity: "30", buyer: "王老板", price: "13.57", time: M.morning), at: M.morning)
            let voiding = try market.record(.voiding(Voiding(batchCode: M.batch, target: sale, reason: "录错", time: M.morning + M.day)),
                                            at: M.morning + M.day)

            let nextDay = try market.store.epcisDocument(from: M.start + M.day, to: M.end + M.day, node: M.node)
            #expect(nextDay.epcisEvents.map { $0["eventID"] } == [.string(uri(sale))])
            #expect(nextDay.epcisEvents.first?["errorDeclaration"]?["ts:voidingEvent"] == .string(uri(voiding)))
            #expect(nextDay.epcisEvents.first?["eventTime"] == .string("2026-11-24T06:00:00.000+08:00"), "the fact's own time")

            let firstDay = try market.store.epcisDocument(from: M.start, to: M.end, node: M.node)
            #expect(firstDay.epcisEvents.map { $0["eventID"] } == [.string(uri(receipt)), .string(uri(sale))])
            #expect(firstDay.epcisEvents.last?["errorDeclaration"] != nil, "what the store knows now")
            try await expectValidEPCIS(nextDay)
        }
    }

    @Test func aNodesExportLeavesOtherNodesOutAndTheProvinceExportHasThemAll() async throws {
        try await EPCISMarket.with { market in
            _ = try market.record(M.receipt(), at: M.morning)
            let other = try market.enroll(node: M.otherNode)
            let otherBatch = M.code(1, node: M.otherNode)
            _ = try market.record(M.receipt(otherBatch, node: M.otherNode, operatorId: M.otherOperator), at: M.morning, device: other)

            let ours = try market.store.epcisDocument(from: M.start, to: M.end, node: M.node)
            #expect(ours.epcisEvents.count == 1)
            let province = try market.store.epcisDocument(from: M.start, to: M.end, node: nil)
            #expect(province.epcisEvents.count == 2)
            let locations = province["epcisHeader"]?["epcisMasterData"]?["vocabularyList"]?.epcisItems.first?["vocabularyElementList"]
            #expect(locations?.epcisItems.map { $0["id"] } == [M.node, M.otherNode].map { .string("https://tracesync.example.cn/node/\($0)") })
            try await expectValidEPCIS(province)
        }
    }

    @Test func anUnknownNodeOrAnEmptyRangeIsRefused() async throws {
        try await EPCISMarket.with { market in
            #expect { try market.store.epcisDocument(from: M.start, to: M.end, node: "46019999") } throws: {
                ($0 as? TraceSyncError)?.code == .unknownNode
            }
            #expect { try market.store.epcisDocument(from: M.end, to: M.start, node: nil) } throws: {
                ($0 as? TraceSyncError)?.code == .badRange
            }
        }
    }

    @Test func anExportWithNoEventsIsAValidEmptyDocument() async throws {
        try await EPCISMarket.with { market in
            let document = try market.store.epcisDocument(from: M.start, to: M.end, node: M.node)
            #expect(document.epcisEvents.isEmpty && document["epcisHeader"] == nil)
            try await expectValidEPCIS(document)
        }
    }

    private func uri(_ eventId: String) -> String { "urn:uuid:" + eventId }

    private func quantity(_ lot: TraceCode, _ value: Int64, _ uom: String) -> JSONValue {
        .object(["epcClass": .string("https://tracesync.example.cn/lot/" + lot.digits), "quantity": .integer(value), "uom": .string(uom)])
    }

    private func expect(
        _ event: JSONValue, type: String, action: String?, bizStep: String, disposition: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(event["type"] == .string(type), sourceLocation: sourceLocation)
        #expect(event["action"] == action.map(JSONValue.string), sourceLocation: sourceLocation)
        #expect(event["bizStep"] == .string(bizStep), sourceLocation: sourceLocation)
        #expect(event["disposition"] == .string(disposition), sourceLocation: sourceLocation)
    }
}

/// Fails the test with every schema violation when `document` is not valid EPCIS 2.0.
func expectValidEPCIS(_ document: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let violations = try await EPCISValidation.violations(of: document)
    #expect(violations.isEmpty, "EPCIS schema violations:\n\(violations.joined(separator: "\n"))", sourceLocation: sourceLocation)
}
