import Testing
@testable import SyncCore
import TestSupport

/// Serialised items, cases and pallets as the merge decides them, values in and values out: a drug receipt's items,
/// packing and unpacking, a sale of a whole case, and the packing conflict (an item packed twice, or after its case
/// was sold or its batch disposed), which is recorded and flagged, never refused.
@Suite("Merge rules: packing")
struct PackingRulesTests {
    typealias S = MergeSamples
    static let items = ["81462350000123450017", "81462350000123450024", "81462350000123450031", "81462350000123450048"]
    static let batch = S.code(1), caseA = S.code(2), caseB = S.code(3), pallet = S.code(4)

    static func drugReceipt(items: [String] = items, approval: String? = "国药准字H46020101",
                            expiry: String? = "2028-06-30") -> EventBody {
        .receipt(Receipt(
            batchCode: batch, node: S.node, product: "200101", quantity: Quantity(units: 4_000), unit: "box",
            operatorId: S.zhang, supplier: "海南海神同洲制药有限公司", origin: "469023", approvalNumber: approval,
            lotNumber: "240618", expiry: expiry, items: items, time: marketMorning
        ))
    }

    static func pack(_ container: TraceCode, _ contents: [String], level: PackingLevel = .case) -> EventBody {
        .packing(Packing(batchCode: batch, container: container, level: level, contents: contents, time: marketMorning))
    }

    /// A market with the drug batch received on device A.
    static func received() throws -> (MergeInputsBuilder, HandJournal) {
        var builder = MergeInputsBuilder.market()
        var journal = HandJournal(deviceId: "device-a", author: "符永清")
        let receipt = try builder.push(journal.append(drugReceipt(), id: "r", at: marketMorning))
        #expect(receipt.verdict == .applied)
        #expect(receipt.effects.contains(.linkItems(items, batch: batch, eventId: "r")))
        return (builder, journal)
    }

    @Test func packingItemsIntoACaseAndCasesOntoAPalletLinksThemAndEveryItemIsInThePallet() throws {
        var (builder, journal) = try Self.received()
        let packed = try builder.push(journal.append(Self.pack(Self.caseA, Array(Self.items[0..<2])), id: "p1", at: marketMorning + 1))
        #expect(packed.verdict == .applied && packed.conflicts.isEmpty)
        #expect(packed.effects.contains(.linkContainer(Self.caseA, batch: Self.batch, eventId: "p1", level: .case)))
        _ = try builder.push(journal.append(Self.pack(Self.caseB, Array(Self.items[2...])), id: "p2", at: marketMorning + 2))
        let stacked = try builder.push(journal.append(
            Self.pack(Self.pallet, [Self.caseA.digits, Self.caseB.digits], level: .pallet), id: "p3", at: marketMorning + 3))
        #expect(stacked.verdict == .applied)
        let packing = BatchPacking(try #require(builder.inputs.batches[Self.batch]))
        #expect(packing.items(in: Self.pallet) == Self.items)
        #expect(packing.enclosing(Self.items[3]) == [Self.caseB, Self.pallet])

        let unpacked = try builder.push(journal.append(
            .unpacking(Unpacking(batchCode: Self.batch, container: Self.caseA, contents: [Self.items[0]], time: marketMorning)),
            id: "u1", at: marketMorning + 4))
        #expect(unpacked.verdict == .applied)
        let after = BatchPacking(try #require(builder.inputs.batches[Self.batch]))
        #expect(after.items(in: Self.pallet) == Array(Self.items[1...]))
        #expect(after.enclosing(Self.items[0]).isEmpty)
    }

    @Test func anItemPackedIntoTwoCasesOfflineIsRecordedFlaggedAndHeldByTheLaterPacking() throws {
        var (builder, a) = try Self.received()
        var b = HandJournal(deviceId: "device-b", author: "云秀英")
        _ = try builder.push(a.append(Self.pack(Self.caseA, [Self.items[0], Self.items[1]]), id: "p-a", at: marketMorning + 10))
        let twice = try builder.push(b.append(Self.pack(S.code(1, device: 2), [Self.items[1]]), id: "p-b", at: marketMorning + 20))
        #expect(twice.verdict == .conflict)
        #expect(twice.conflicts.map(\.kind) == [.packingConflict])
        #expect(twice.conflicts.first?.candidates.map(\.eventId) == ["p-a", "p-b"])
        let packing = BatchPacking(try #require(builder.inputs.batches[Self.batch]))
        #expect(packing.holder[Self.items[1]] == S.code(1, device: 2))
        #expect(packing.items(in: Self.caseA) == [Self.items[0]])
        #expect(ConflictKind.packingConflict.resolutionActions == [.void, .accept])
    }

    @Test func packingAnItemOfACaseSoldWholeOrOfADisposedBatchIsFlagged() throws {
        var (builder, journal) = try Self.received()
        _ = try builder.push(journal.append(Self.pack(Self.caseA, [Self.items[0], Self.items[1]]), id: "p1", at: marketMorning + 1))
        let sale = Sale(batchCode: Self.batch, childCode: S.code(5), buyerName: "海口椰城大药房", quantity: Quantity(units: 2_000),
                        time: marketMorning, containers: [Self.caseA])
        #expect(try builder.push(journal.append(.sale(sale), id: "s1", at: marketMorning + 2)).verdict == .applied)
        let sold = try builder.push(journal.append(Self.pack(Self.caseB, [Self.items[0]]), id: "p2", at: marketMorning + 3))
        #expect(sold.conflicts.map(\.kind) == [.packingConflict])
        #expect(sold.conflicts.first?.candidates.map(\.eventId) == ["p1", "s1", "p2"])

        _ = try builder.push(journal.append(.disposal(Disposal(batchCode: Self.batch, quantity: Quantity(units: 2_000),
                                                               reason: "过期", time: marketMorning)), id: "d1", at: marketMorning + 4))
        let disposed = try builder.push(journal.append(Self.pack(S.code(6), [Self.items[3]]), id: "p3", at: marketMorning + 5))
        #expect(disposed.verdict == .conflict)
        #expect(disposed.conflicts.first?.candidates.map(\.eventId) == ["d1", "p3"])
    }

    @Test func whatIsNotTheBatchsOrIsMalformedIsRefused() throws {
        var (builder, journal) = try Self.received()
        let stranger = try builder.push(journal.append(Self.pack(Self.caseA, ["81462350000999990017"]), id: "x1", at: marketMorning + 1))
        #expect(stranger.verdict == .rejected && stranger.reasonCode == "unknown_target")
        let batchCode = try builder.push(journal.append(Self.pack(Self.batch, [Self.items[0]]), id: "x2", at: marketMorning + 2))
        #expect(batchCode.reasonCode == "duplicate_code")
        let empty = try builder.push(journal.append(Self.pack(Self.caseA, []), id: "x3", at: marketMorning + 3))
        #expect(empty.reasonCode == "missing_field")
        let twice = try builder.push(journal.append(Self.pack(Self.caseA, [Self.items[0], Self.items[0]]), id: "x4", at: marketMorning + 4))
        #expect(twice.reasonCode == "bad_payload")
        let notACase = try builder.push(journal.append(Self.pack(Self.pallet, [Self.items[0]], level: .pallet), id: "x5", at: marketMorning + 5))
        #expect(notACase.reasonCode == "unknown_target")
        let soldUnknown = Sale(batchCode: Self.batch, childCode: S.code(7), buyerName: "散客", quantity: Quantity(units: 1_000),
                               time: marketMorning, containers: [S.code(8)])
        #expect(try builder.push(journal.append(.sale(soldUnknown), id: "x6", at: marketMorning + 6)).reasonCode == "unknown_target")
        #expect(builder.inputs.batches[Self.batch]?.lines.count == 1, "nothing refused joined the batch")
    }

    @Test(arguments: [
        (PackingRulesTests.drugReceipt(approval: "国药准字X46020101"), "bad_drug_approval_number"),
        (PackingRulesTests.drugReceipt(items: ["8146235000012345001"]), "bad_drug_trace_code"),
        (PackingRulesTests.drugReceipt(items: [PackingRulesTests.items[0], PackingRulesTests.items[0]]), "bad_payload"),
        (PackingRulesTests.drugReceipt(expiry: "30.06.2028"), "bad_time"),
    ])
    func aDrugReceiptWithABadApprovalNumberItemOrExpiryIsRefused(_ body: EventBody, _ code: String) throws {
        var builder = MergeInputsBuilder.market()
        var journal = HandJournal(deviceId: "device-a", author: "符永清")
        let decision = try builder.push(journal.append(body, id: "r", at: marketMorning))
        #expect(decision.verdict == .rejected)
        #expect(decision.reasonCode == code)
    }
}
