import Testing
@testable import SyncCore
import TestSupport

/// What the merge refuses outright, before any conflict: a rejected entry carries a reason code and a message and
/// merges nothing.
@Suite("Merge rules: refusals")
struct MergeRefusalTests {
    typealias S = MergeSamples
    typealias Market = MergeRulesTests.Market

    /// An entry device B sends into a market that has batch `S.code(1)` (100 kg, receipt "r"), and the reason
    /// the merge gives for refusing it.
    enum Refused: String, CaseIterable, Sendable {
        case unknownProduct, unknownRegion, unknownOperator, operatorOfAnotherNode, receiptOfAnotherNode
        case receiptClaimingAnotherNode, batchCodeTaken, childCodeTaken, unknownPayloadField, missingPayloadField
        case missingEventId, correctionOfUnknownTarget, uncorrectableField, voidingOfUnknownTarget, saleOfNothing
        case registrationAtAnotherNode, mistypedCreditCode

        var reason: String {
            switch self {
            case .unknownProduct: "unknown_product"
            case .unknownRegion: "unknown_region"
            case .unknownOperator: "unknown_operator"
            case .operatorOfAnotherNode, .receiptOfAnotherNode, .receiptClaimingAnotherNode, .registrationAtAnotherNode:
                "out_of_scope"
            case .batchCodeTaken, .childCodeTaken: "duplicate_code"
            case .unknownPayloadField: "unknown_field"
            case .missingPayloadField: "bad_payload"
            case .missingEventId: "payload_id"
            case .correctionOfUnknownTarget, .voidingOfUnknownTarget: "unknown_target"
            case .uncorrectableField: "not_correctable"
            case .saleOfNothing: "bad_quantity"
            case .mistypedCreditCode: "credit_code_check"
            }
        }

        func entry(_ journal: inout HandJournal) throws -> JournalEntry {
            let batch = S.code(1), fresh = S.code(1, device: 2)
            let body: EventBody
            switch self {
            case .unknownProduct: body = S.receipt(fresh, product: "999999")
            case .unknownRegion: body = S.receipt(fresh, origin: "999999")
            case .unknownOperator: body = S.receipt(fresh, operatorId: "OP-46010001-999")
            case .operatorOfAnotherNode: body = S.receipt(fresh, operatorId: S.fuji)
            case .receiptOfAnotherNode:
                body = S.receipt(S.code(1, device: 2, node: S.otherNode), operatorId: S.fuji, node: S.otherNode)
            case .receiptClaimingAnotherNode: body = S.receipt(fresh, node: S.otherNode)
            case .batchCodeTaken: body = S.receipt(batch)
            case .childCodeTaken: body = S.sale(batch, child: batch, quantity: 1)
            case .unknownPayloadField, .missingPayloadField, .missingEventId:
                guard case .object(var members) = try S.receipt(fresh).payload(id: "x") else { fatalError("not an object") }
                switch self {
                case .unknownPayloadField: members["extra"] = .string("?")
                case .missingPayloadField: members["product"] = nil
                default: members["eventId"] = nil
                }
                return journal.append(kind: .receipt, payload: .object(members), at: marketMorning)
            case .correctionOfUnknownTarget:
                body = S.correction(batch, target: "nope", ["supplier": "福山"], versionSeen: 0)
            case .uncorrectableField: body = S.correction(batch, target: "r", ["colour": "green"], versionSeen: 0)
            case .voidingOfUnknownTarget: body = S.voiding(batch, target: "nope")
            case .saleOfNothing: body = S.sale(batch, child: fresh, quantity: 0)
            case .registrationAtAnotherNode: body = S.registration("OP-B-NEW", node: S.otherNode)
            case .mistypedCreditCode: body = S.registration("OP-B-NEW", creditCode: "92460106L3827451XB")
            }
            return try journal.append(body, id: "x", at: marketMorning)
        }
    }

    @Test(arguments: Refused.allCases)
    func anEntryTheMergeCannotTakeIsRejectedWithItsReason(_ refused: Refused) throws {
        var market = try Market()
        let before = try market.lookup.batchEvents(market.batch)
        let decision = try market.lookup.push(refused.entry(&market.b))

        #expect(decision.verdict == .rejected)
        #expect(decision.reasonCode == refused.reason)
        #expect(decision.message?.zh.isEmpty == false)
        #expect(decision.message?.en.isEmpty == false)
        #expect(decision.event == nil)
        #expect(decision.conflicts.isEmpty)
        #expect(!decision.heldForBatch)
        #expect(decision.aliasOf == nil)
        #expect(decision.entryVerdict(seq: 1) == EntryVerdict(seq: 1, verdict: .rejected, reasonCode: refused.reason,
                                                              message: decision.message))
        #expect(try market.lookup.batchEvents(market.batch) == before)
        #expect(try !market.lookup.codeExists(S.code(1, device: 2)))
    }

    @Test func anUnknownFieldIsNamedInTheMessage() throws {
        var market = try Market()
        let decision = try market.lookup.push(Refused.unknownPayloadField.entry(&market.b))
        #expect(decision.message?.en.contains("extra") == true)
        #expect(decision.message?.en.contains("payload.extra") == true)
    }

    @Test func aMemberSentAsNullIsTolerated() throws {
        var market = try Market()
        guard case .object(var members) = try S.receipt(S.code(1, device: 2)).payload(id: "r-b") else {
            Issue.record("not an object")
            return
        }
        members["vehiclePlate"] = .null
        members["legacyNote"] = .null
        let decision = try market.lookup.push(market.b.append(kind: .receipt, payload: .object(members), at: marketMorning))
        #expect(decision.verdict == .applied)
    }
}
