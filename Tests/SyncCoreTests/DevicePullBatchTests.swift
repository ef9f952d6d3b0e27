import Foundation
import Testing
@testable import SyncCore
import TestSupport

@Suite("A pulled page is applied in one batch")
struct DevicePullBatchTests {
    /// What a pull leaves on a device: every row of the tables a pull writes, in a fixed order.
    struct LocalState: Equatable {
        let tables: [String: [[DatabaseValue]]]

        init(_ store: FieldStore) throws {
            var tables: [String: [[DatabaseValue]]] = [:]
            for (table, order) in [("batches", "code"), ("events", "id"), ("trace_codes", "code"), ("conflicts", "id"),
                                   ("conflict_events", "conflict_id, event_id"), ("operators", "id"), ("sync_state", "id")] {
                tables[table] = try store.database.query("SELECT * FROM \(table) ORDER BY \(order)").map { row in
                    (0..<row.values.count).map { row[$0] }
                }
            }
            self.tables = tables
        }
    }

    /// Device A's market morning (node 46010001, device 1): its operators, then four batches with tests, sales,
    /// corrections, voidings and a disposal. Returns A's journal and the codes of its batches.
    static func recordMorning(on source: FieldStore) throws -> (entries: [JournalEntry], batches: [TraceCode]) {
        try source.registerDemoOperators()
        let open = try source.receiveBokChoy(quantity: "100", time: "2026-11-24 05:00")
        try source.inspect(code: open.digits, item: "农药残留", method: "速测卡", value: "8%", result: "pass", time: "2026-11-24 05:05")
        let sold = try source.sell(SaleInput(code: open.digits, quantity: "30", buyer: "海口美兰区阿强蔬菜档", price: "3.5",
                                             time: "2026-11-24 05:10"))
        let voided = try source.sell(SaleInput(code: open.digits, quantity: "20", buyer: "王老板", time: "2026-11-24 05:12"))
        try source.correct(target: open.digits, fields: ["supplier": "海南澄迈瓜菜合作社"], time: "2026-11-24 05:15")
        try source.correct(target: sold.eventId, fields: ["quantity": "25"], time: "2026-11-24 05:16")
        try source.void(eventId: voided.eventId, reason: "录入错误", time: "2026-11-24 05:17")

        let held = try source.receiveBokChoy(quantity: "40", time: "2026-11-24 05:20")
        try source.inspect(code: held.digits, item: "农药残留", method: "速测卡", value: "62%", result: "fail", time: "2026-11-24 05:25")
        try source.dispose(code: held.digits, quantity: nil, reason: "检测不合格", witness: "云秀英", time: "2026-11-24 05:30")

        let mistaken = try source.receiveBokChoy(quantity: "10", time: "2026-11-24 05:35")
        try source.void(eventId: try source.requireBatch(mistaken.digits).receiptEventId, reason: "重复登记",
                        time: "2026-11-24 05:36")

        let closed = try source.receiveBokChoy(quantity: "5", time: "2026-11-24 05:40")
        try source.sell(SaleInput(code: closed.digits, quantity: "5", buyer: "王老板", time: "2026-11-24 05:41"))
        return (try source.journalEntries(), [open, held, mistaken, closed])
    }

    /// The server's verdicts on A's entries: applied, but for a conflict on the first sale and a rejected test.
    static func verdict(for entry: JournalEntry, in entries: [JournalEntry]) -> EntryVerdict {
        let sales = entries.filter { $0.kind == .sale }, inspections = entries.filter { $0.kind == .inspection }
        if entry == sales.first { return EntryVerdict(seq: entry.seq, verdict: .conflict, reasonCode: "oversold") }
        if entry == inspections.first {
            return EntryVerdict(seq: entry.seq, verdict: .rejected, reasonCode: "unknown_batch",
                                message: LocalizedText(zh: "批次未知。", en: "unknown batch."))
        }
        return EntryVerdict(seq: entry.seq, verdict: .applied)
    }

    /// Items in `order`, numbered from cursor 1.
    static func items(_ order: [PullItem]) -> [PullPage.Item] {
        order.enumerated().map { PullPage.Item(cursor: Int64($0.offset + 1), item: $0.element) }
    }

    /// Applies `items` to `store` in pages of `size` items.
    static func pull(_ items: [PullPage.Item], into store: FieldStore, pageSize size: Int) throws {
        for start in stride(from: 0, to: items.count, by: size) {
            let page = Array(items[start..<min(start + size, items.count)])
            try store.applyPull(PullPage(items: page, nextCursor: page.last!.cursor, more: start + size < items.count,
                                         generation: "g1"))
        }
    }

    /// Runs `body` with two devices of node 46010001 (device 2) holding the same database: the same identity and
    /// the same own entries, one receipt of its own still pending.
    static func withTwinDevices(_ body: (FieldStore, FieldStore, JournalEntry) throws -> Void) throws {
        try withFieldStore(deviceNumber: 2) { first in
            try first.registerDemoOperators()
            try first.receiveBokChoy(quantity: "60", time: "2026-11-24 05:50")
            let own = try #require(try first.journalEntries().last)
            let path = first.database.path.replacingOccurrences(of: "device.sqlite", with: "twin.sqlite")
            try first.database.execute("VACUUM INTO '\(path)'")
            let second = try FieldStore.open(path: path)
            second.wallClock = first.wallClock
            try body(first, second, own)
        }
    }

    @Test func aPageAppliedWholeLeavesWhatItsItemsOneAtATimeLeave() throws {
        try withFieldStore(deviceNumber: 1) { source in
            let (entries, _) = try Self.recordMorning(on: source)
            try Self.withTwinDevices { whole, single, own in
                // Newest first: every sale, test, correction and voiding arrives before the receipt or event it
                // names, the device's own entry comes back with its verdict, and one entry is pulled twice, its
                // verdict changed the second time.
                var order: [PullItem] = entries.reversed().map { .entry($0, Self.verdict(for: $0, in: entries)) }
                order.insert(.entry(own, EntryVerdict(seq: own.seq, verdict: .applied)), at: 3)
                let resold = try #require(entries.last { $0.kind == .sale })
                order.append(.entry(resold, EntryVerdict(seq: resold.seq, verdict: .conflict, reasonCode: "oversold")))
                let items = Self.items(order)

                try Self.pull(items, into: whole, pageSize: items.count)
                try Self.pull(items, into: single, pageSize: 1)

                #expect(try LocalState(whole) == LocalState(single))
                #expect(try whole.batches().count == 5)
            }
        }
    }

    @Test func batchesPulledInOnePageHaveTheStatesTheirOwnDeviceDerived() throws {
        try withFieldStore(deviceNumber: 1) { source in
            let (entries, codes) = try Self.recordMorning(on: source)
            try Self.withTwinDevices { device, _, _ in
                let applied = entries.map { PullItem.entry($0, EntryVerdict(seq: $0.seq, verdict: .applied)) }
                try Self.pull(Self.items(applied.reversed()), into: device, pageSize: entries.count)
                // Each store keeps the events it decoded; a store opened afresh decodes every one from its rows.
                let (reopened, sourceReopened) = (try FieldStore.open(path: device.database.path),
                                                  try FieldStore.open(path: source.database.path))
                for code in codes {
                    #expect(try device.batchState(code) == source.batchState(code), "batch \(code)")
                    #expect(try reopened.batchState(code) == device.batchState(code), "batch \(code)")
                    #expect(try sourceReopened.batchState(code) == source.batchState(code), "batch \(code)")
                }
                let statuses = try codes.map { try #require(try device.batchState($0)).status }
                #expect(statuses == [.open, .disposed, .voided, .closed])
                #expect(try device.batchState(codes[0])?.receipt.supplier == "海南澄迈瓜菜合作社")
                #expect(try device.batchState(codes[0])?.sold == Quantity(units: 25_000))
            }
        }
    }

    @Test func aBatchSplitAcrossPagesEndsAsWhenPulledWhole() throws {
        try withFieldStore(deviceNumber: 1) { source in
            let (entries, _) = try Self.recordMorning(on: source)
            try Self.withTwinDevices { whole, paged, _ in
                let items = Self.items(entries.map { .entry($0, Self.verdict(for: $0, in: entries)) })
                try Self.pull(items, into: whole, pageSize: items.count)
                try Self.pull(items, into: paged, pageSize: 3)
                #expect(try LocalState(whole) == LocalState(paged))
            }
        }
    }

    @Test func pulledEventsKeepTheirPayloadAsTheJournalCarriedIt() throws {
        try withFieldStore(deviceNumber: 1) { source in
            let (entries, _) = try Self.recordMorning(on: source)
            try Self.withTwinDevices { device, _, _ in
                let items = Self.items(entries.map { .entry($0, EntryVerdict(seq: $0.seq, verdict: .applied)) })
                try Self.pull(items, into: device, pageSize: items.count)
                for entry in entries where entry.kind != .operatorRegistration {
                    let body = try device.database.row(
                        "SELECT body FROM events WHERE device_id = ? AND seq = ?", entry.deviceId, entry.seq
                    )?.string("body")
                    #expect(body == entry.payload.canonicalString, "seq \(entry.seq)")
                }
            }
        }
    }

    @Test func aPageWithABadPayloadChangesNothing() throws {
        try withFieldStore(deviceNumber: 1) { source in
            let (entries, _) = try Self.recordMorning(on: source)
            try Self.withTwinDevices { device, _, _ in
                let before = try LocalState(device)
                var journal = HandJournal(deviceId: UUIDv7.make())
                let broken = journal.append(kind: .sale, payload: .object(["eventId": .string(UUIDv7.make())]), at: marketMorning)
                var order = entries.map { PullItem.entry($0, EntryVerdict(seq: $0.seq, verdict: .applied)) }
                order.append(.entry(broken, EntryVerdict(seq: broken.seq, verdict: .applied)))
                #expect(throws: (any Error).self) { try Self.pull(Self.items(order), into: device, pageSize: order.count) }
                #expect(try LocalState(device) == before)
            }
        }
    }
}
