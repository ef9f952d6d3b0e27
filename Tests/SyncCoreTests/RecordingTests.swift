import Testing
@testable import SyncCore
import TestSupport

@Suite("Recording a market day on the device")
struct RecordingTests {
    /// Everything a refused recording must leave as it was.
    struct Snapshot: Equatable {
        let journal: Int64
        let head: String
        let events: Int64?
        let traceCodes: Int64?
        let serials: [String]
        let batches: [FieldStore.BatchSummary]

        init(_ store: FieldStore) throws {
            let head = try store.journalHead()
            journal = head.count
            self.head = head.hash
            events = try store.database.scalar("SELECT count(*) FROM events")
            traceCodes = try store.database.scalar("SELECT count(*) FROM trace_codes")
            serials = try store.database.query("SELECT day || ':' || last AS s FROM code_serials ORDER BY day")
                .compactMap { $0.string("s") }
            batches = try store.batches()
        }
    }

    /// Runs `body` on a store with the demo operators of node 46010001 and one 100 kg batch of bok choy.
    static func withBatch(_ body: (FieldStore, TraceCode) throws -> Void) throws {
        try withFieldStore { store in
            try store.registerDemoOperators()
            try body(store, try store.receiveBokChoy())
        }
    }

    /// Expects `action` to be refused with `code` and to change nothing.
    static func expectRefusal(
        _ code: String, _ store: FieldStore, sourceLocation: SourceLocation = #_sourceLocation, _ action: () throws -> Void
    ) throws {
        let before = try Snapshot(store)
        let error = #expect(throws: TraceSyncError.self, sourceLocation: sourceLocation) { try action() }
        #expect(error?.code.rawValue == code, sourceLocation: sourceLocation)
        #expect(try Snapshot(store) == before, "a refusal changed the store", sourceLocation: sourceLocation)
    }

    @Test func theBalanceIsReceivedMinusSoldMinusDisposed() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "30", buyer: "OP-46010001-003", price: "4.5"))
            try store.sell(SaleInput(code: code.grouped, quantity: "12.5", buyer: "王老板"))
            try store.dispose(code: code.digits, quantity: "7.25", reason: "腐烂", witness: nil, time: nil)
            let state = try store.requireBatch(code.digits)
            #expect(state.received.units == 100_000)
            #expect(state.sold.units == 42_500)
            #expect(state.disposed.units == 7_250)
            #expect(state.balance.units == 50_250)
            #expect(state.status == .open)
            let summary = try #require(try store.batches().first)
            #expect(summary.code == code.digits)
            #expect(summary.balance == "50.25")
            #expect(summary.received == "100")
            #expect(summary.status == .open)
            #expect(summary.productName == "小白菜")
        }
    }

    @Test func eachSaleIssuesANewChildCodeLinkedToItsBatch() throws {
        try Self.withBatch { store, code in
            let first = try store.sell(SaleInput(code: code.digits, quantity: "1", buyer: "OP-46010001-003"))
            let second = try store.sell(SaleInput(code: code.digits, quantity: "1", buyer: "王老板"))
            #expect(first.code != second.code)
            #expect(Set([code, first.code, second.code]).count == 3)
            #expect([first.code.serial, second.code.serial] == [2, 3])
            #expect(try store.batchCode(for: second.code.grouped) == code)
            let chain = try store.trace(first.code.digits)
            #expect(chain.batch.code == code)
            #expect(chain.issuingSale?.event.id == first.eventId)
            #expect(chain.downstream.map(\.event.id) == [first.eventId, second.eventId])
            guard case .sale(let sale)? = chain.issuingSale?.current else { Issue.record("no sale"); return }
            #expect(sale.buyerOperatorId == "OP-46010001-003")
        }
    }

    @Test func aFailedTestHoldsTheBatchAndSalesAreRefused() throws {
        try Self.withBatch { store, code in
            try store.inspect(code: code.digits, item: "农药残留", method: "速测卡", value: "62%", result: "不合格", time: nil)
            #expect(try store.requireBatch(code.digits).status == .held)
            try Self.expectRefusal("batch_held", store) {
                try store.sell(SaleInput(code: code.digits, quantity: "1", buyer: "王老板"))
            }
            // A held batch may still be tested again and destroyed.
            try store.inspect(code: code.digits, item: "农药残留", method: nil, value: nil, result: "fail", time: nil)
            try store.dispose(code: code.digits, quantity: nil, reason: "农药残留超标", witness: "云秀英", time: nil)
            let state = try store.requireBatch(code.digits)
            #expect(state.status == .disposed)
            #expect(state.disposed.units == 100_000)
            #expect(state.flags.isEmpty)
        }
    }

    @Test func sellingMoreThanTheBalanceIsRefusedAndChangesNothing() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "60", buyer: "王老板"))
            try Self.expectRefusal("exceeds_balance", store) {
                try store.sell(SaleInput(code: code.digits, quantity: "40.001", buyer: "王老板"))
            }
            try Self.expectRefusal("exceeds_balance", store) {
                try store.dispose(code: code.digits, quantity: "41", reason: "腐烂", witness: nil, time: nil)
            }
            // Exactly the balance is fine, and the refused attempts used up no serial.
            let last = try store.sell(SaleInput(code: code.digits, quantity: "40", buyer: "王老板"))
            #expect(last.code.serial == 3)
        }
    }

    @Test func disposingOfEverythingMakesTheBatchDisposed() throws {
        try Self.withBatch { store, code in
            try store.dispose(code: code.digits, quantity: "100", reason: "无害化处理", witness: nil, time: nil)
            #expect(try store.requireBatch(code.digits).status == .disposed)
            try Self.expectRefusal("batch_disposed", store) {
                try store.sell(SaleInput(code: code.digits, quantity: "1", buyer: "王老板"))
            }
        }
    }

    @Test func disposingWithoutAQuantityDisposesOfTheRest() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "64.5", buyer: "王老板"))
            try store.dispose(code: code.digits, quantity: nil, reason: "变质", witness: nil, time: nil)
            let state = try store.requireBatch(code.digits)
            #expect(state.disposed.units == 35_500)
            #expect(state.balance == .zero)
            #expect(state.status == .disposed)
        }
    }

    @Test func sellingOutClosesTheBatch() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "99.999", buyer: "王老板"))
            #expect(try store.requireBatch(code.digits).status == .open)
            try store.sell(SaleInput(code: code.digits, quantity: "0.001", buyer: "王老板"))
            let state = try store.requireBatch(code.digits)
            #expect(state.status == .closed)
            #expect(state.balance == .zero)
            try Self.expectRefusal("exceeds_balance", store) {
                try store.sell(SaleInput(code: code.digits, quantity: "0.001", buyer: "王老板"))
            }
        }
    }

    @Test func voidingASaleRestoresTheBalance() throws {
        try Self.withBatch { store, code in
            let sale = try store.sell(SaleInput(code: code.digits, quantity: "100", buyer: "王老板"))
            #expect(try store.requireBatch(code.digits).status == .closed)
            try store.void(eventId: sale.eventId, reason: "买方退货", time: nil)
            let state = try store.requireBatch(code.digits)
            #expect(state.balance.units == 100_000)
            #expect(state.status == .open)
            #expect(state.line(sale.eventId)?.counts == false)
            #expect(try store.batches().first?.balance == "100")
            // The voided sale's code still names the batch; the sale is kept, never deleted.
            #expect(try store.trace(sale.code.digits).issuingSale?.event.id == sale.eventId)
            try Self.expectRefusal("already_voided", store) { try store.void(eventId: sale.eventId, reason: "再次", time: nil) }
        }
    }

    @Test func correctingTheReceivedQuantityChangesTheBalanceAndTheVersion() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "30", buyer: "王老板"))
            let receiptId = try store.requireBatch(code.digits).receiptEventId
            try store.correct(target: code.digits, fields: ["quantity": "120"], time: nil)
            var state = try store.requireBatch(code.digits)
            #expect(state.received.units == 120_000)
            #expect(state.balance.units == 90_000)
            #expect(state.line(receiptId)?.version == 1)
            let correctionId = try store.correct(target: receiptId, fields: ["quantity": "110.5"], time: nil)
            state = try store.requireBatch(code.digits)
            #expect(state.received.units == 110_500)
            #expect(state.line(receiptId)?.version == 2)
            guard case .correction(let correction)? = state.line(correctionId)?.current else {
                Issue.record("no correction line"); return
            }
            #expect(correction.versionSeen == 1)
            #expect(correction.target == receiptId)
            #expect(try store.batches().first?.received == "110.5")
        }
    }

    @Test func theReceivedQuantityCannotBeCorrectedBelowWhatWasSold() throws {
        try Self.withBatch { store, code in
            try store.sell(SaleInput(code: code.digits, quantity: "30", buyer: "王老板"))
            try Self.expectRefusal("exceeds_balance", store) {
                try store.correct(target: code.digits, fields: ["quantity": "29.999"], time: nil)
            }
        }
    }

    @Test func aSaleCannotBeCorrectedToMoreThanTheBatchHolds() throws {
        try Self.withBatch { store, code in
            let sale = try store.sell(SaleInput(code: code.digits, quantity: "30", buyer: "王老板"))
            try store.sell(SaleInput(code: code.digits, quantity: "60", buyer: "李老板"))
            // 10 kg are left, so this sale may grow to 40 kg but not beyond.
            try Self.expectRefusal("exceeds_balance", store) {
                try store.correct(target: sale.code.digits, fields: ["quantity": "40.001"], time: nil)
            }
            try store.correct(target: sale.code.digits, fields: ["quantity": "40"], time: nil)
            let state = try store.requireBatch(code.digits)
            #expect(state.balance == .zero)
            #expect(state.flags.isEmpty)
        }
    }

    @Test func aCorrectionByNameRecordsTheMasterDataCode() throws {
        try Self.withBatch { store, code in
            try store.correct(target: code.digits, fields: ["product": "菜心", "origin": "文昌市", "operator": "陈美玲"], time: nil)
            let receipt = try store.requireBatch(code.digits).receipt
            #expect(receipt.product == "200102")
            #expect(receipt.origin == "469005")
            #expect(receipt.operatorId == "OP-46010001-002")
            #expect(try store.batches().first?.productName == "菜心")
        }
    }

    @Test func aCorrectionOfAnUnknownFieldIsRefused() throws {
        try Self.withBatch { store, code in
            try Self.expectRefusal("not_correctable", store) {
                try store.correct(target: code.digits, fields: ["price": "3"], time: nil)
            }
            try Self.expectRefusal("unknown_product", store) {
                try store.correct(target: code.digits, fields: ["product": "紫背天葵"], time: nil)
            }
        }
    }

    @Test func aReceiptWithSalesCannotBeVoided() throws {
        try Self.withBatch { store, code in
            let sale = try store.sell(SaleInput(code: code.digits, quantity: "5", buyer: "王老板"))
            let receiptId = try store.requireBatch(code.digits).receiptEventId
            try Self.expectRefusal("has_sales", store) { try store.void(eventId: receiptId, reason: "重复登记", time: nil) }
            try Self.expectRefusal("has_sales", store) { try store.void(eventId: code.digits, reason: "重复登记", time: nil) }
            // Once its sales are voided, the receipt can be.
            try store.void(eventId: sale.eventId, reason: "录错", time: nil)
            try store.void(eventId: receiptId, reason: "重复登记", time: nil)
            #expect(try store.requireBatch(code.digits).status == .voided)
            try Self.expectRefusal("batch_voided", store) {
                try store.sell(SaleInput(code: code.digits, quantity: "1", buyer: "王老板"))
            }
        }
    }

    // MARK: - Refused input

    static func receipt(
        product: String = "200101", quantity: String = "100", origin: String = "469023", upstreamCode: String? = nil,
        time: String? = "2026-11-24 05:00"
    ) -> ReceiptInput {
        ReceiptInput(product: product, quantity: quantity, operatorRef: "OP-46010001-001", supplier: "澄迈福山瓜菜合作社",
                     origin: origin, upstreamCode: upstreamCode, time: time)
    }

    @Test func anUnknownProductIsRefused() throws {
        try Self.withBatch { store, _ in
            try Self.expectRefusal("unknown_product", store) { try store.receive(Self.receipt(product: "紫背天葵")) }
            try Self.expectRefusal("unknown_product", store) { try store.receive(Self.receipt(product: "999999")) }
        }
    }

    @Test func anUnknownRegionIsRefused() throws {
        try Self.withBatch { store, _ in
            try Self.expectRefusal("unknown_region", store) { try store.receive(Self.receipt(origin: "999999")) }
            try Self.expectRefusal("unknown_region", store) { try store.receive(Self.receipt(origin: "469000")) }
        }
    }

    @Test(arguments: ["0", "-3", "abc", "1.0001", "", "1,5", "1e3", "12.", ".5", "１２"])
    func aQuantityThatIsNotAPositiveNumberIsRefused(quantity: String) throws {
        try Self.withBatch { store, code in
            try Self.expectRefusal("bad_quantity", store) { try store.receive(Self.receipt(quantity: quantity)) }
            try Self.expectRefusal("bad_quantity", store) {
                try store.sell(SaleInput(code: code.digits, quantity: quantity, buyer: "王老板"))
            }
        }
    }

    @Test(arguments: ["yesterday", "2026-13-01 05:00", "24/11/2026", "2026-11-24 25:61", "2026-02-30", "2026-11-24 5pm", "11:30"])
    func aMalformedTimeIsRefused(time: String) throws {
        try Self.withBatch { store, code in
            try Self.expectRefusal("bad_time", store) { try store.receive(Self.receipt(time: time)) }
            try Self.expectRefusal("bad_time", store) {
                try store.inspect(code: code.digits, item: "农药残留", method: nil, value: nil, result: "pass", time: time)
            }
        }
    }

    @Test func anUpstreamCodeWithABadCheckIsRefused() throws {
        try Self.withBatch { store, code in
            var digits = Array(code.digits)
            digits[5] = digits[5] == "9" ? "0" : "9"
            try Self.expectRefusal("trace_code_check", store) {
                try store.receive(Self.receipt(upstreamCode: String(digits)))
            }
            // A good code of ours, typed in groups, is kept as its digits and links the chain.
            let child = try store.receive(Self.receipt(upstreamCode: code.grouped)).code
            #expect(try store.requireBatch(child.digits).receipt.upstreamCode == code.digits)
            #expect(try store.trace(child.digits).upstream.map(\.code) == [code.digits])
            // Another system's code is kept as typed.
            let other = try store.receive(Self.receipt(upstreamCode: "46900001202611240007")).code
            #expect(try store.requireBatch(other.digits).receipt.upstreamCode == "46900001202611240007")
        }
    }

    @Test func aTradeOnAnUnknownCodeIsRefused() throws {
        try Self.withBatch { store, code in
            let unknown = TraceCode.make(node: "46010001", deviceNumber: 2, date: "261124", serial: 1)
            try Self.expectRefusal("unknown_batch", store) {
                try store.sell(SaleInput(code: unknown.digits, quantity: "1", buyer: "王老板"))
            }
            try Self.expectRefusal("trace_code_format", store) {
                try store.sell(SaleInput(code: "12345", quantity: "1", buyer: "王老板"))
            }
        }
    }

    @Test func theCodeCarriesTheBusinessDateInChinaStandardTime() throws {
        try Self.withBatch { store, _ in
            // 20:30 UTC on the 23rd is 04:30 on the 24th in Haikou.
            let code = try store.receive(Self.receipt(time: "2026-11-23T20:30:00Z")).code
            #expect(code.date == "261124")
            #expect(code.node == "46010001")
            #expect(code.deviceNumber == 1)
            let late = try store.receive(Self.receipt(time: "2026-11-24 23:59")).code
            #expect(late.date == "261124")
            #expect(try store.requireBatch(late.digits).receipt.time == 1_795_535_940_000)
        }
    }

    @Test func anOperatorWithTheSameCreditCodeIsNotRegisteredTwice() throws {
        try withFieldStore { store in
            try store.registerDemoOperators()
            try Self.expectRefusal("duplicate_operator", store) {
                try store.registerOperator(OperatorInput(name: "另一个名字", kind: .organisation, creditCode: "92460106l3827451xa"))
            }
            try Self.expectRefusal("credit_code_check", store) {
                try store.registerOperator(OperatorInput(name: "新公司", kind: .organisation, creditCode: "92460106L3827451XB"))
            }
            try Self.expectRefusal("missing_field", store) {
                try store.registerOperator(OperatorInput(name: "新公司", kind: .organisation))
            }
            #expect(try store.operator("92460106L3827451XA").id == "OP-46010001-001")
        }
    }
}
