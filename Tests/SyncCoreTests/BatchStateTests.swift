import Testing
@testable import SyncCore
import TestSupport

/// Kilograms, exactly: `kg(12, 500)` is 12.5 kg.
private func kg(_ whole: Int64, _ grams: Int64 = 0) -> Quantity { Quantity(units: whole * 1_000 + grams) }

@Suite("Batch state derived from events")
struct BatchStateTests {
    static let code = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 1)

    static func receipt(_ quantity: Quantity) -> Receipt {
        Receipt(batchCode: code, node: "46010001", product: "200101", quantity: quantity, unit: "kg",
                operatorId: "OP-46010001-001", supplier: "澄迈福山瓜菜合作社", origin: "469023", time: marketMorning)
    }

    static func sale(_ quantity: Quantity, serial: Int) -> Sale {
        Sale(batchCode: code, childCode: TraceCode.make(node: "46010001", deviceNumber: 2, date: "261124", serial: serial),
             buyerOperatorId: nil, buyerName: "王老板", quantity: quantity, price: nil, time: marketMorning)
    }

    static func failedTest() -> Inspection {
        Inspection(batchCode: code, item: "农药残留", method: "速测卡", value: "62%", passed: false, time: marketMorning)
    }

    /// An event as if recorded on `device` at wall time `marketMorning + offset`.
    static func event(_ id: String, at offset: Int64, on device: String, _ body: EventBody) -> RecordedEvent {
        RecordedEvent(id: id, hlc: HLCTimestamp(wallMillis: marketMorning + offset, counter: 0, deviceId: device),
                      author: device == "device-a" ? "符永清" : "云秀英", body: body)
    }

    @Test func twoDevicesSellingTheSameStockMakeTheBatchOversold() throws {
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("s1", at: 10, on: "device-a", .sale(Self.sale(kg(60), serial: 1))),
            Self.event("s2", at: 11, on: "device-b", .sale(Self.sale(kg(60), serial: 2))),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.sold == kg(120))
        #expect(state.balance == Quantity(units: -20_000))
        #expect(state.flags == [.oversold])
        #expect(state.status == .closed)
    }

    @Test func aSaleAfterAFailedTestOnAnotherDeviceIsAFoodSafetyAlert() throws {
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("i", at: 10, on: "device-a", .inspection(Self.failedTest())),
            Self.event("s", at: 20, on: "device-b", .sale(Self.sale(kg(5), serial: 1))),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.flags == [.tradedWhileHeld])
        #expect(state.status == .held)
        #expect(state.balance == kg(95))
    }

    @Test func aSaleBeforeTheFailedTestIsNoAlert() throws {
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("s", at: 5, on: "device-b", .sale(Self.sale(kg(5), serial: 1))),
            Self.event("i", at: 10, on: "device-a", .inspection(Self.failedTest())),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.flags.isEmpty)
        #expect(state.status == .held)
    }

    @Test func aSaleAfterTheRestWasDisposedOfIsAnAlertAndAnOversale() throws {
        let disposal = Disposal(batchCode: Self.code, quantity: kg(70), reason: "腐烂", witness: nil, time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("s1", at: 5, on: "device-a", .sale(Self.sale(kg(30), serial: 1))),
            Self.event("d", at: 10, on: "device-a", .disposal(disposal)),
            Self.event("s2", at: 20, on: "device-b", .sale(Self.sale(kg(1), serial: 2))),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.flags == [.oversold, .tradedWhileHeld])
        #expect(state.status == .disposed)
        #expect(state.balance == Quantity(units: -1_000))
    }

    @Test func aPartialDisposalDoesNotMakeLaterSalesAnAlert() throws {
        let disposal = Disposal(batchCode: Self.code, quantity: kg(10), reason: "破损", witness: nil, time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("d", at: 10, on: "device-a", .disposal(disposal)),
            Self.event("s", at: 20, on: "device-b", .sale(Self.sale(kg(90), serial: 1))),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.flags.isEmpty)
        #expect(state.balance == .zero)
    }

    @Test func theStateDoesNotDependOnTheOrderEventsArriveIn() throws {
        let correction = Correction(batchCode: Self.code, target: "s1", fields: ["quantity": "15"], versionSeen: 0, time: marketMorning)
        let voiding = Voiding(batchCode: Self.code, target: "s2", reason: "录错", time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("s1", at: 5, on: "device-a", .sale(Self.sale(kg(10), serial: 1))),
            Self.event("s2", at: 6, on: "device-b", .sale(Self.sale(kg(20), serial: 2))),
            Self.event("c", at: 7, on: "device-b", .correction(correction)),
            Self.event("v", at: 8, on: "device-a", .voiding(voiding)),
            Self.event("i", at: 9, on: "device-b", .inspection(Self.failedTest())),
        ]
        let reference = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(reference.sold == kg(15))
        #expect(reference.line("s1")?.version == 1)
        #expect(reference.line("s2")?.voidedBy == "v")
        #expect(reference.lines.map(\.event.id) == ["r", "s1", "s2", "c", "v", "i"])
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            #expect(BatchState.derive(code: Self.code, events: events.shuffled(using: &generator)) == reference)
        }
    }

    @Test func concurrentCorrectionsApplyInClockOrder() throws {
        let first = Correction(batchCode: Self.code, target: "r", fields: ["quantity": "120"], versionSeen: 0, time: marketMorning)
        let second = Correction(batchCode: Self.code, target: "r", fields: ["quantity": "110"], versionSeen: 0, time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("c2", at: 20, on: "device-b", .correction(second)),
            Self.event("c1", at: 10, on: "device-a", .correction(first)),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.received == kg(110))
        #expect(state.line("r")?.version == 2)
    }

    static func release(lifting lifts: [String], retests: [String] = []) -> Release {
        Release(batchCode: code, lifts: lifts, retests: retests, note: "复检合格", time: marketMorning)
    }

    @Test func aVoidedFailedTestStillHoldsTheBatchUntilAnAdminReleasesIt() throws {
        let voiding = Voiding(batchCode: Self.code, target: "i", reason: "录错批次", time: marketMorning)
        var events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("i", at: 10, on: "device-a", .inspection(Self.failedTest())),
            Self.event("v", at: 20, on: "device-a", .voiding(voiding)),
            Self.event("s", at: 30, on: "device-b", .sale(Self.sale(kg(5), serial: 1))),
        ]
        let held = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(held.status == .held)
        #expect(held.heldBy == ["i"])
        #expect(held.flags == [.tradedWhileHeld], "a sale after the voiding is still a sale from a held batch")

        events.append(Self.event("rel", at: 40, on: "server", .release(Self.release(lifting: ["i"]))))
        let released = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(released.status == .open)
        #expect(released.heldBy.isEmpty)
        #expect(released.holdCauses == ["i"])
    }

    @Test func correctingAFailedTestToAPassDoesNotLiftTheHold() throws {
        let correction = Correction(batchCode: Self.code, target: "i", fields: ["result": "pass"], versionSeen: 0,
                                    time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("i", at: 10, on: "device-a", .inspection(Self.failedTest())),
            Self.event("c", at: 20, on: "device-a", .correction(correction)),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.status == .held)
        #expect(state.heldBy == ["i"])
        guard case .inspection(let inspection)? = state.line("i")?.current else { Issue.record("no test"); return }
        #expect(inspection.passed, "the correction itself still applies")
    }

    @Test func aVoidedDisposalOfTheWholeBalanceHoldsTheBatchAndAPartialOneDoesNot() throws {
        let whole = Disposal(batchCode: Self.code, quantity: kg(70), reason: "腐烂", witness: nil, time: marketMorning)
        let part = Disposal(batchCode: Self.code, quantity: kg(10), reason: "破损", witness: nil, time: marketMorning)
        for (disposal, status) in [(whole, BatchStatus.held), (part, .open)] {
            let events = [
                Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
                Self.event("s", at: 5, on: "device-a", .sale(Self.sale(kg(30), serial: 1))),
                Self.event("d", at: 10, on: "device-a", .disposal(disposal)),
                Self.event("v", at: 20, on: "device-b",
                           .voiding(Voiding(batchCode: Self.code, target: "d", reason: "录错", time: marketMorning))),
            ]
            let state = try #require(BatchState.derive(code: Self.code, events: events))
            #expect(state.status == status, "disposal of \(disposal.quantity)")
            #expect(state.balance == kg(70))
            #expect(state.heldBy == (status == .held ? ["d"] : []))
        }
    }

    @Test func aReleaseLiftsOnlyTheCausesItNamesWhateverOrderTheEventsArriveIn() throws {
        let second = Inspection(batchCode: Self.code, item: "瘦肉精", method: nil, value: nil, passed: false,
                                time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("i1", at: 10, on: "device-a", .inspection(Self.failedTest())),
            // Recorded offline on a device whose clock is behind: it reached the server after the release, which
            // did not name it.
            Self.event("i2", at: 15, on: "device-b", .inspection(second)),
            Self.event("rel", at: 40, on: "server", .release(Self.release(lifting: ["i1"]))),
        ]
        let reference = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(reference.status == .held)
        #expect(reference.heldBy == ["i2"])
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            #expect(BatchState.derive(code: Self.code, events: events.shuffled(using: &generator)) == reference)
        }
    }

    @Test func aVoidedCorrectionNoLongerApplies() throws {
        let correction = Correction(batchCode: Self.code, target: "r", fields: ["quantity": "120"], versionSeen: 0, time: marketMorning)
        let voiding = Voiding(batchCode: Self.code, target: "c", reason: "更正错误", time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("c", at: 10, on: "device-a", .correction(correction)),
            Self.event("v", at: 20, on: "device-a", .voiding(voiding)),
        ]
        let state = try #require(BatchState.derive(code: Self.code, events: events))
        #expect(state.received == kg(100))
        #expect(state.line("r")?.version == 0)
    }

    @Test func aBatchWhoseReceiptIsVoidedIsVoided() throws {
        let voiding = Voiding(batchCode: Self.code, target: "r", reason: "重复登记", time: marketMorning)
        let events = [
            Self.event("r", at: 0, on: "device-a", .receipt(Self.receipt(kg(100)))),
            Self.event("v", at: 20, on: "device-a", .voiding(voiding)),
        ]
        #expect(BatchState.derive(code: Self.code, events: events)?.status == .voided)
    }

    @Test func aBatchWithoutItsReceiptHasNoState() {
        let events = [Self.event("s", at: 20, on: "device-b", .sale(Self.sale(kg(1), serial: 1)))]
        #expect(BatchState.derive(code: Self.code, events: events) == nil)
    }
}
