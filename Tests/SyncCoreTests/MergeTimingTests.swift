import Testing
@testable import SyncCore
import TestSupport

/// Events early and late: orphans held for their batch, and business times the server cannot believe.
@Suite("Merge rules: orphans and implausible times")
struct MergeTimingTests {
    typealias S = MergeSamples
    typealias Market = MergeRulesTests.Market
    static let minute: Int64 = 60_000

    // MARK: Orphan

    @Test func anEventForAnUnknownBatchOfTheNodeIsHeldForIt() throws {
        var market = try Market(receipt: nil)
        let decision = try market.lookup.push(
            market.b.append(S.inspection(S.code(7), passed: false), id: "i-b", at: marketMorning)
        )
        #expect(decision.verdict == .applied)
        #expect(decision.heldForBatch)
        #expect(decision.reasonCode == "held_for_batch")
        #expect(decision.message != nil)
        #expect(decision.conflicts.isEmpty)
        #expect(decision.event?.id == "i-b")
    }

    @Test func anEventForAnUnknownBatchOfAnotherNodeIsOutOfScope() throws {
        var market = try Market(receipt: nil)
        let decision = try market.lookup.push(
            market.b.append(S.inspection(S.code(7, node: S.otherNode), passed: false), id: "i-b", at: marketMorning)
        )
        #expect(decision.verdict == .rejected)
        #expect(decision.reasonCode == "out_of_scope")
        #expect(decision.event == nil)
        #expect(!decision.heldForBatch)
    }

    @Test func aHeldEventJoinsItsBatchWhenTheReceiptArrives() throws {
        var market = try Market(receipt: nil)
        let failed = try market.b.append(S.inspection(market.batch, passed: false), id: "i-b",
                                         at: marketMorning + 10 * Self.minute)
        let receipt = try market.a.append(S.receipt(market.batch), id: "r", at: marketMorning)
        #expect(try market.lookup.push(failed).heldForBatch)
        #expect(try market.lookup.state(market.batch) == nil)
        let decision = try market.lookup.push(receipt)
        #expect(decision.verdict == .applied)
        #expect(!decision.heldForBatch)
        let state = try market.state()
        #expect(state.lines.map(\.event.id) == ["r", "i-b"])
        #expect(state.status == .held)
    }

    /// Two sales of 80 kg held for a batch that turns out to be 100 kg: the receipt that brings them together
    /// opens the oversold conflict, so the flag does not appear on the batch without an entry in the admins' queue.
    @Test func aReceiptThatMakesHeldSalesOversoldOpensTheConflict() throws {
        var market = try Market(receipt: nil)
        var c = HandJournal(deviceId: "device-c", author: "王海燕")
        let receipt = try market.a.append(S.receipt(market.batch), id: "r", at: marketMorning)
        let saleB = try market.b.append(S.sale(market.batch, child: S.code(1, device: 2), quantity: 80), id: "s-b",
                                        at: marketMorning + 10 * Self.minute)
        let saleC = try c.append(S.sale(market.batch, child: S.code(1, device: 3), quantity: 80), id: "s-c",
                                 at: marketMorning + 12 * Self.minute)
        for sale in [saleB, saleC] { #expect(try market.lookup.push(sale).heldForBatch) }
        let decision = try market.lookup.push(receipt)

        #expect(decision.verdict == .conflict)
        #expect(decision.conflicts.map(\.kind) == [.oversold])
        #expect(decision.conflicts.first?.candidates.map(\.eventId) == ["s-b", "s-c"])
        #expect(try market.state().flags == [.oversold])
    }

    @Test func aReceiptThatMakesAHeldSaleTradedWhileHeldOpensTheConflict() throws {
        var market = try Market(receipt: nil)
        var c = HandJournal(deviceId: "device-c", author: "王海燕")
        let receipt = try market.a.append(S.receipt(market.batch), id: "r", at: marketMorning)
        let failed = try market.b.append(S.inspection(market.batch, passed: false), id: "i-b",
                                         at: marketMorning + 10 * Self.minute)
        let sale = try c.append(S.sale(market.batch, child: S.code(1, device: 3), quantity: 5), id: "s-c",
                                at: marketMorning + 20 * Self.minute)
        for entry in [failed, sale] { #expect(try market.lookup.push(entry).heldForBatch) }
        let decision = try market.lookup.push(receipt)

        #expect(decision.verdict == .conflict)
        #expect(decision.conflicts.map(\.kind) == [.heldTraded])
        #expect(decision.conflicts.first?.candidates.map(\.eventId) == ["i-b", "s-c"])
        #expect(try market.state().flags == [.tradedWhileHeld])
    }

    // MARK: Implausible time

    /// Business time relative to when the server received the entry, and whether it is flagged, with the default
    /// tolerance (a day ahead) and window (30 days back).
    @Test(arguments: [
        (2 * S.day, true), (-40 * S.day, true), (12 * S.hour, false), (-29 * S.day, false), (0, false),
    ] as [(Int64, Bool)])
    func aBusinessTimeFarFromTheServersClockIsImplausible(offset: Int64, flagged: Bool) throws {
        var market = try Market(receipt: nil)
        let time = S.receivedAt + offset
        let decision = try market.lookup.push(
            market.a.append(S.receipt(market.batch, time: time), id: "r", at: marketMorning)
        )
        if flagged {
            #expect(decision.verdict == .conflict)
            #expect(decision.reasonCode == "implausible_time")
            let finding = try #require(decision.conflicts.first)
            #expect(decision.conflicts.map(\.kind) == [.implausibleTime])
            #expect(finding.subject == "time:r")
            #expect(finding.target == "r")
            #expect(finding.field == "time")
            #expect(finding.batchCode == market.batch.digits)
            #expect(finding.candidates.map(\.value) == [BusinessTime.iso(time)])
            #expect(market.lookup.candidates(finding).map(\.deviceTime) == [marketMorning])
        } else {
            #expect(decision.verdict == .applied)
            #expect(decision.conflicts.isEmpty)
        }
        // Flagged or not, the event stands.
        #expect(try market.lookup.state(market.batch)?.receipt.time == time)
    }

    @Test func theWindowIntoThePastIsTheStoresSetting() throws {
        var market = try Market(receipt: nil)
        let week = MergeContext(receivedAt: S.receivedAt, pastWindow: 7 * S.day)
        let decision = try market.lookup.push(
            market.a.append(S.receipt(market.batch, time: S.receivedAt - 10 * S.day), id: "r", at: marketMorning),
            context: week
        )
        #expect(decision.conflicts.map(\.kind) == [.implausibleTime])
    }

    @Test func anImplausibleSaleOnAnOversoldBatchCarriesBothConflicts() throws {
        var market = try Market()
        let sale = try market.b.append(
            S.sale(market.batch, child: S.code(1, device: 2), quantity: 120, time: S.receivedAt + 3 * S.day),
            id: "s-b", at: marketMorning
        )
        let decision = try market.lookup.push(sale)
        #expect(decision.verdict == .conflict)
        #expect(decision.conflicts.map(\.kind) == [.implausibleTime, .oversold])
        #expect(decision.reasonCode == "implausible_time")
    }
}
