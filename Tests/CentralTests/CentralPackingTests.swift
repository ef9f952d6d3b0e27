import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Serialised items, cases and pallets in the central store: the links a push writes, the recall of a case or a
/// pallet, a consumer's scan of an item, and the packing conflict queued with its candidates.
@Suite("Central store: packing")
struct CentralPackingTests {
    typealias S = MergeSamples
    static let items = ["81462350000123450017", "81462350000123450024", "81462350000123450031"]
    static let batch = S.code(1), caseA = S.code(2), pallet = S.code(3), child = S.code(4)

    static func receipt() -> EventBody {
        .receipt(Receipt(
            batchCode: batch, node: S.node, product: "200101", quantity: Quantity(units: 3_000), unit: "box",
            operatorId: S.zhang, supplier: "海南海神同洲制药有限公司", origin: "469023", approvalNumber: "国药准字H46020101",
            lotNumber: "240618", expiry: "2028-06-30", items: items, time: marketMorning
        ))
    }

    static func pack(_ container: TraceCode, _ contents: [String], level: PackingLevel = .case) -> EventBody {
        .packing(Packing(batchCode: batch, container: container, level: level, contents: contents, time: marketMorning))
    }

    @Test func aRecallOfACaseOrItsPalletReachesEveryItemAndTheSaleOfTheCaseAndAScanFindsTheCase() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南渡江 1 号机", author: "符永清")
            try a.append(Self.receipt(), id: "r", at: marketMorning)
            try a.append(Self.pack(Self.caseA, Array(Self.items[0..<2])), id: "p1", at: marketMorning + 1)
            try a.append(Self.pack(Self.pallet, [Self.caseA.digits], level: .pallet), id: "p2", at: marketMorning + 2)
            try a.append(.sale(Sale(batchCode: Self.batch, childCode: Self.child, buyerName: "海口椰城大药房",
                                    quantity: Quantity(units: 2_000), price: Price("18.6"), time: marketMorning,
                                    containers: [Self.caseA])), id: "s1", at: marketMorning + 3)
            let answer = try harness.push(a)
            #expect(answer.verdicts.map(\.verdict) == [.applied, .applied, .applied, .applied])
            #expect(try harness.count("items") == 3)
            #expect(try harness.count("containers") == 2)

            let recall = try #require(try harness.store.containerRecall(Self.caseA.digits))
            #expect(recall.items?.map(\.code) == Array(Self.items[0..<2]))
            #expect(recall.rows.map(\.childCode) == [Self.child.digits])
            #expect(try harness.store.recall(Self.pallet.digits).items?.map(\.code) == Array(Self.items[0..<2]))
            #expect(try harness.store.containerRecall(Self.batch.digits) == nil, "a batch code is no container")

            let scanned = try harness.store.publicTrace(Self.items[1])
            #expect(scanned.item?.containers.map(\.code) == [Self.caseA.digits, Self.pallet.digits])
            #expect(scanned.item?.approvalNumber == "国药准字H46020101" && scanned.item?.expiry == "2028-06-30")
            #expect(scanned.originCode == "469023")
            let loose = try harness.store.publicTrace(Self.items[2])
            #expect(loose.item?.containers == [] && loose.item?.batchCode == Self.batch.digits)
            #expect(throws: TraceSyncError.self) { try harness.store.publicTrace("81462350000999990017") }
        }
    }

    @Test func packingAnItemAnotherDeviceHadPackedIsAppliedAndQueuedOnce() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南渡江 1 号机", author: "符永清")
            var b = try harness.enroll("南渡江 2 号机", author: "云秀英")
            try a.append(Self.receipt(), id: "r", at: marketMorning)
            try a.append(Self.pack(Self.caseA, [Self.items[0]]), id: "p-a", at: marketMorning + 1)
            try b.append(Self.pack(S.code(1, device: 2), [Self.items[0]]), id: "p-b", at: marketMorning + 2)
            _ = try harness.push(a)
            let answer = try harness.push(b)
            #expect(answer.verdicts.map(\.verdict) == [.conflict])
            let replay = try harness.replay(b)
            #expect(replay.verdicts.map(\.verdict) == [.conflict])
            #expect(try harness.count("conflicts") == 1)
            #expect(try harness.count("conflict_candidates") == 2)
        }
    }
}
