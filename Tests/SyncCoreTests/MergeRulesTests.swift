import Testing
@testable import SyncCore
import TestSupport

/// The conflicts of DESIGN.md §4 as `MergeRules.decide` finds them, on an in-memory lookup: each with every
/// candidate, and a provisional outcome that `BatchState.derive` of the merged events already shows.
@Suite("Merge rules: conflicts")
struct MergeRulesTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000

    /// Devices A (符永清) and B (云秀英) of node 46010001, and a batch of 100 kg that A received at 06:00.
    struct Market {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        var b = HandJournal(deviceId: "device-b", author: "云秀英")
        let batch = S.code(1)

        init(receipt quantity: Int64? = 100, certificate: String? = nil) throws {
            guard let quantity else { return }
            let decision = try lookup.push(a.append(S.receipt(batch, quantity: quantity, certificate: certificate),
                                                    id: "r", at: marketMorning))
            #expect(decision.verdict == .applied)
        }

        func state() throws -> BatchState { try #require(try lookup.state(batch)) }
    }

    // MARK: Concurrent edit

    /// Both orders of clocks: the provisional winner is the higher HLC, whichever arrives last.
    @Test(arguments: [true, false])
    func twoCorrectionsOfTheSameFieldFromTheSameVersionAreAConcurrentEdit(laterArrivalHasHigherClock: Bool) throws {
        var market = try Market()
        let first = try market.a.append(
            S.correction(market.batch, target: "r", ["supplier": "福山合作社"], versionSeen: 0), id: "c-a",
            at: marketMorning + 10 * Self.minute
        )
        let second = try market.b.append(
            S.correction(market.batch, target: "r", ["supplier": "金江合作社"], versionSeen: 0), id: "c-b",
            at: marketMorning + (laterArrivalHasHigherClock ? 20 : 5) * Self.minute
        )
        #expect(try market.lookup.push(first).verdict == .applied)
        let decision = try market.lookup.push(second)

        #expect(decision.verdict == .conflict)
        #expect(decision.reasonCode == "concurrent_edit")
        let finding = try #require(decision.conflicts.first)
        #expect(decision.conflicts.count == 1)
        #expect(finding.kind == .concurrentEdit)
        #expect(finding.subject == "edit:r:v0:supplier")
        #expect(finding.batchCode == market.batch.digits)
        #expect(finding.target == "r")
        #expect(finding.field == "supplier")
        #expect(market.lookup.candidates(finding) == [
            ConflictCandidate(deviceId: "device-a", seq: 2, eventId: "c-a", author: "符永清", hlc: first.hlc,
                              deviceTime: first.wallTime, value: "福山合作社"),
            ConflictCandidate(deviceId: "device-b", seq: 1, eventId: "c-b", author: "云秀英", hlc: second.hlc,
                              deviceTime: second.wallTime, value: "金江合作社"),
        ])
        let state = try market.state()
        #expect(state.receipt.supplier == (laterArrivalHasHigherClock ? "金江合作社" : "福山合作社"))
        #expect(state.line("r")?.version == 2)
    }

    @Test func correctionsOfDifferentFieldsFromTheSameVersionMergeWithoutAConflict() throws {
        var market = try Market()
        let supplier = try market.a.append(
            S.correction(market.batch, target: "r", ["supplier": "福山合作社"], versionSeen: 0), id: "c-a",
            at: marketMorning + 10 * Self.minute
        )
        let quantity = try market.b.append(
            S.correction(market.batch, target: "r", ["quantity": "98.5"], versionSeen: 0), id: "c-b",
            at: marketMorning + 5 * Self.minute
        )
        for entry in [supplier, quantity] {
            let decision = try market.lookup.push(entry)
            #expect(decision.verdict == .applied)
            #expect(decision.conflicts.isEmpty)
        }
        let state = try market.state()
        #expect(state.receipt.supplier == "福山合作社")
        #expect(state.received == Quantity(units: 98_500))
    }

    @Test func aCorrectionThatSawTheOtherIsNoConflict() throws {
        var market = try Market()
        let first = try market.a.append(
            S.correction(market.batch, target: "r", ["supplier": "福山合作社"], versionSeen: 0), id: "c-a",
            at: marketMorning + 10 * Self.minute
        )
        let informed = try market.b.append(
            S.correction(market.batch, target: "r", ["supplier": "金江合作社"], versionSeen: 1), id: "c-b",
            at: marketMorning + 20 * Self.minute
        )
        #expect(try market.lookup.push(first).verdict == .applied)
        let decision = try market.lookup.push(informed)
        #expect(decision.verdict == .applied)
        #expect(decision.conflicts.isEmpty)
        #expect(try market.state().receipt.supplier == "金江合作社")
    }

    @Test func aVoidedCorrectionIsNoRival() throws {
        var market = try Market()
        let first = try market.a.append(
            S.correction(market.batch, target: "r", ["supplier": "福山合作社"], versionSeen: 0), id: "c-a",
            at: marketMorning + 10 * Self.minute
        )
        let voided = try market.a.append(S.voiding(market.batch, target: "c-a"), id: "v-a", at: marketMorning + 11 * Self.minute)
        let second = try market.b.append(
            S.correction(market.batch, target: "r", ["supplier": "金江合作社"], versionSeen: 0), id: "c-b",
            at: marketMorning + 5 * Self.minute
        )
        for entry in [first, voided] { #expect(try market.lookup.push(entry).verdict == .applied) }
        let decision = try market.lookup.push(second)
        #expect(decision.conflicts.isEmpty)
        #expect(try market.state().receipt.supplier == "金江合作社")
    }

    // MARK: Oversold

    @Test func twoSalesOfEightyFromAHundredAreOversoldAndBothStand() throws {
        var market = try Market()
        let saleA = try market.a.append(S.sale(market.batch, child: S.code(2), quantity: 80), id: "s-a",
                                        at: marketMorning + 10 * Self.minute)
        let saleB = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 80), id: "s-b",
                                        at: marketMorning + 12 * Self.minute)
        #expect(try market.lookup.push(saleA).verdict == .applied)
        let decision = try market.lookup.push(saleB)

        #expect(decision.verdict == .conflict)
        #expect(decision.reasonCode == "oversold")
        let finding = try #require(decision.conflicts.first)
        #expect(decision.conflicts.map(\.kind) == [.oversold])
        #expect(finding.subject == "oversold:\(market.batch.digits)")
        #expect(finding.candidates.map(\.eventId) == ["s-a", "s-b"])
        #expect(finding.candidates.map(\.value) == ["sale 80", "sale 80"])
        #expect(market.lookup.candidates(finding).map(\.deviceId) == ["device-a", "device-b"])

        let state = try market.state()
        #expect(state.balance == Quantity(units: -60_000))
        #expect(state.sold == S.kg(160))
        #expect(state.flags == [.oversold])
        #expect(state.lines.filter { $0.event.body.kind == .sale }.map(\.counts) == [true, true])
    }

    @Test func aSaleWithinTheBalanceIsNoOversale() throws {
        var market = try Market()
        let sale = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 100), id: "s-b",
                                       at: marketMorning + 12 * Self.minute)
        let decision = try market.lookup.push(sale)
        #expect(decision.verdict == .applied)
        #expect(try market.state().balance == .zero)
    }

    // MARK: Held batch traded

    @Test func aSaleAfterAnotherDevicesFailedTestIsAFoodSafetyAlert() throws {
        var market = try Market()
        let failed = try market.a.append(S.inspection(market.batch, passed: false), id: "i-a",
                                         at: marketMorning + 10 * Self.minute)
        let sale = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 5), id: "s-b",
                                       at: marketMorning + 20 * Self.minute)
        #expect(try market.lookup.push(failed).verdict == .applied)
        #expect(try market.state().status == .held)
        let decision = try market.lookup.push(sale)

        #expect(decision.verdict == .conflict)
        #expect(decision.reasonCode == "held_traded")
        let finding = try #require(decision.conflicts.first)
        #expect(decision.conflicts.map(\.kind) == [.heldTraded])
        #expect(finding.subject == "held:\(market.batch.digits)")
        #expect(finding.candidates.map(\.eventId) == ["i-a", "s-b"])
        #expect(finding.candidates.map(\.value) == ["failed 农药残留", "sale 5"])
        let state = try market.state()
        #expect(state.flags == [.tradedWhileHeld])
        #expect(state.sold == S.kg(5))
        #expect(state.status == .held)
    }

    /// The sale arrives first; the failed test arrives later. What counts is the clock order, not the arrival
    /// order: a test clocked before the sale makes the sale one on a held batch (flagged, and the test's entry opens
    /// the conflict); a test clocked after the sale holds the batch with no alert.
    @Test(arguments: [(Int64(15), true), (Int64(30), false)])
    func aFailedTestArrivingAfterTheSaleIsJudgedByItsClock(testMinute: Int64, alert: Bool) throws {
        var market = try Market()
        let sale = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 5), id: "s-b",
                                       at: marketMorning + 20 * Self.minute)
        let failed = try market.a.append(S.inspection(market.batch, passed: false), id: "i-a",
                                         at: marketMorning + testMinute * Self.minute)
        #expect(try market.lookup.push(sale).verdict == .applied)
        let decision = try market.lookup.push(failed)

        let state = try market.state()
        #expect(state.status == .held)
        #expect(state.sold == S.kg(5))
        if alert {
            #expect(decision.verdict == .conflict)
            #expect(decision.conflicts.map(\.kind) == [.heldTraded])
            #expect(decision.conflicts.first?.candidates.map(\.eventId) == ["i-a", "s-b"])
            #expect(state.flags == [.tradedWhileHeld])
        } else {
            #expect(decision.verdict == .applied)
            #expect(decision.conflicts.isEmpty)
            #expect(state.flags.isEmpty)
        }
    }

    @Test func aSaleAfterAPassedTestIsNoAlert() throws {
        var market = try Market()
        let passed = try market.a.append(S.inspection(market.batch, passed: true), id: "i-a",
                                         at: marketMorning + 10 * Self.minute)
        let sale = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 5), id: "s-b",
                                       at: marketMorning + 20 * Self.minute)
        #expect(try market.lookup.push(passed).verdict == .applied)
        #expect(try market.lookup.push(sale).verdict == .applied)
        #expect(try market.state().flags.isEmpty)
    }

    // MARK: Certificate reuse

    @Test func aCertificateOnBatchesOfTwoOperatorsIsReused() throws {
        var market = try Market(certificate: S.quarantineCert)
        let other = try market.b.append(
            S.receipt(S.code(1, device: 2), operatorId: S.qiongbei, certificate: S.quarantineCert), id: "r-b",
            at: marketMorning + 10 * Self.minute
        )
        let decision = try market.lookup.push(other)

        #expect(decision.verdict == .conflict)
        let finding = try #require(decision.conflicts.first)
        #expect(decision.conflicts.map(\.kind) == [.certificateReuse])
        #expect(finding.subject == "certificate:\(S.quarantineCert)")
        #expect(finding.field == "quarantine_cert")
        #expect(finding.candidates.map(\.eventId) == ["r", "r-b"])
        #expect(finding.candidates.map(\.value) == [S.zhang, S.qiongbei])
        #expect(market.lookup.candidates(finding).map(\.author) == ["符永清", "云秀英"])
        #expect(try market.lookup.state(S.code(1, device: 2)) != nil)
    }

    @Test func aCertificateOnTwoBatchesOfTheSameOperatorIsNoConflict() throws {
        var market = try Market(certificate: S.quarantineCert)
        let other = try market.b.append(
            S.receipt(S.code(1, device: 2), operatorId: S.zhang, certificate: S.quarantineCert), id: "r-b",
            at: marketMorning + 10 * Self.minute
        )
        let decision = try market.lookup.push(other)
        #expect(decision.verdict == .applied)
        #expect(decision.conflicts.isEmpty)
    }

    // MARK: Duplicate operator

    @Test func theSameCreditCodeRegisteredTwiceAtANodeIsMergedIntoTheFirst() throws {
        var market = try Market(receipt: nil)
        let first = try market.a.append(S.registration("OP-A-NEW"), id: "reg-a", at: marketMorning)
        let second = try market.b.append(S.registration("OP-B-NEW"), id: "reg-b", at: marketMorning + Self.minute)
        #expect(try market.lookup.push(first).aliasOf == nil)
        let decision = try market.lookup.push(second)

        #expect(decision.verdict == .conflict)
        #expect(decision.aliasOf == "OP-A-NEW")
        let finding = try #require(decision.conflicts.first)
        #expect(decision.conflicts.map(\.kind) == [.duplicateOperator])
        #expect(finding.subject == "operator:\(S.node):\(S.zhangCreditCode)")
        #expect(finding.target == "OP-A-NEW")
        #expect(finding.candidates.map(\.eventId) == ["reg-a", "reg-b"])
        #expect(finding.candidates.map(\.value) == ["OP-A-NEW", "OP-B-NEW"])
        #expect(market.lookup.candidates(finding).map(\.deviceId) == ["device-a", "device-b"])
        // The alias still names an operator of the node: receipts for it are taken.
        #expect(try market.lookup.operatorNode("OP-B-NEW") == S.node)
    }

    @Test func aCreditCodeAnAdminEnteredKeepsTheAdminsOperator() throws {
        var market = try Market(receipt: nil)
        market.lookup.addOperator("OP-ADMIN", node: S.node, creditCode: S.zhangCreditCode)
        let decision = try market.lookup.push(market.b.append(S.registration("OP-B-NEW"), id: "reg-b", at: marketMorning))
        #expect(decision.aliasOf == "OP-ADMIN")
        #expect(decision.conflicts.first?.candidates.map(\.eventId) == ["reg-b"])
    }

    @Test func theSameCreditCodeAtAnotherNodeIsNoDuplicate() throws {
        var market = try Market(receipt: nil)
        var other = HandJournal(deviceId: "device-c", author: "王海燕")
        #expect(try market.lookup.push(market.a.append(S.registration("OP-A-NEW"), id: "reg-a", at: marketMorning))
            .verdict == .applied)
        let decision = try market.lookup.push(
            other.append(S.registration("OP-C-NEW", node: S.otherNode), id: "reg-c", at: marketMorning),
            node: S.otherNode
        )
        #expect(decision.verdict == .applied)
        #expect(decision.aliasOf == nil)
        #expect(decision.conflicts.isEmpty)
    }

    @Test func registeringTheSameOperatorAgainIsNoDuplicate() throws {
        var market = try Market(receipt: nil)
        #expect(try market.lookup.push(market.a.append(S.registration("OP-A-NEW"), id: "reg-a", at: marketMorning))
            .verdict == .applied)
        let again = try market.lookup.push(market.a.append(S.registration("OP-A-NEW"), id: "reg-a2", at: marketMorning + 1))
        #expect(again.verdict == .applied)
        #expect(again.aliasOf == nil)
    }
}
