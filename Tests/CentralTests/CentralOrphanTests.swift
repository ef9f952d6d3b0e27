import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Events that reach the server before their batch's receipt: held, joined to the batch when it arrives, and
/// flagged once when they wait too long.
@Suite("Central store: orphans")
struct CentralOrphanTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000

    @Test func anEventBeforeItsReceiptIsHeldAndJoinsTheBatchWhenItArrives() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南北市场 1 号机", author: "符永清")
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            let batch = S.code(1)
            try a.append(S.receipt(batch), id: "r", at: marketMorning)
            try b.append(S.inspection(batch, passed: false), id: "i-b", at: marketMorning + 10 * Self.minute)

            let held = try harness.push(b)
            #expect(held.verdicts == [EntryVerdict(seq: 1, verdict: .applied, reasonCode: "held_for_batch",
                                                   message: held.verdicts.first?.message)])
            #expect(held.verdicts.first?.message != nil)
            #expect(try harness.batchRow(batch) == nil)
            #expect(try harness.state(batch) == nil)
            #expect(try harness.count("orphans") == 1)

            let arrived = try harness.push(a)
            #expect(arrived.verdicts.map(\.verdict) == [.applied])
            #expect(try harness.count("orphans") == 0)
            let row = try #require(try harness.batchRow(batch))
            #expect(row.status == "held")
            let state = try #require(try harness.state(batch))
            #expect(state.lines.map(\.event.id) == ["r", "i-b"])
            #expect(state.status == .held)

            harness.now += 2 * S.day
            #expect(try harness.store.conflicts(kind: .orphan).isEmpty)
            #expect(try harness.store.conflicts().isEmpty)
        }
    }

    @Test func anOverdueOrphanOpensExactlyOneConflict() throws {
        try CentralHarness.with { harness in
            harness.store.orphanTimeout = 0
            let a = try harness.enroll("南北市场 1 号机", author: "符永清")
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            let batch = S.code(1)
            try b.append(S.inspection(batch, passed: false), id: "i-b", at: marketMorning)
            try b.append(S.sale(batch, child: S.code(1, device: 2), quantity: 5), id: "s-b", at: marketMorning + 1)
            try harness.push(b)
            #expect(try harness.store.conflicts(kind: .orphan).isEmpty, "not overdue while the clock stands still")

            harness.now += 1
            let open = try harness.store.conflicts(status: .open)
            #expect(open.map(\.kind) == [.orphan])
            let conflict = try #require(open.first)
            #expect(conflict.subject == "orphan:\(batch.digits)")
            #expect(conflict.batchCode == batch.digits)
            #expect(conflict.candidates.map(\.eventId) == ["i-b", "s-b"])
            #expect(conflict.candidates.map(\.value) == [batch.digits, batch.digits])
            #expect(conflict.openedAt == harness.now)

            // Asking again, or pushing, flags nothing twice.
            harness.now += S.hour
            #expect(try harness.store.conflicts(status: .open) == open)
            _ = try harness.replay(b)
            #expect(try harness.store.conflicts(status: .open) == open)

            // A later orphan of the same batch joins the open conflict.
            try b.append(S.disposal(batch, quantity: 1), id: "d-b", at: marketMorning + 2)
            try harness.push(b)
            harness.now += 1
            let grown = try harness.store.conflicts(status: .open)
            #expect(grown.map(\.id) == [conflict.id])
            #expect(grown.first?.candidates.map(\.eventId) == ["i-b", "s-b", "d-b"])
            #expect(try harness.pullAll(a).compactMap(\.conflict).last == grown.first)
        }
    }

    @Test func anOrphanIsFlaggedOnlyAfterTheTimeout() throws {
        try CentralHarness.with { harness in
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            try b.append(S.inspection(S.code(1), passed: true), id: "i-b", at: marketMorning)
            try harness.push(b)
            harness.now += harness.store.orphanTimeout
            #expect(try harness.store.conflicts().isEmpty)
            harness.now += 1
            #expect(try harness.store.conflicts().map(\.kind) == [.orphan])
        }
    }

    /// Two devices each sold 80 kg of a batch whose receipt (100 kg) reaches the server last: the receipt's entry
    /// opens the oversold conflict with both sales.
    @Test func aReceiptThatMakesHeldSalesOversoldOpensTheConflict() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南北市场 1 号机", author: "符永清")
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            var c = try harness.enroll("南北市场 3 号机", author: "王海燕")
            let batch = S.code(1)
            try a.append(S.receipt(batch), id: "r", at: marketMorning)
            try b.append(S.sale(batch, child: S.code(1, device: 2), quantity: 80), id: "s-b", at: marketMorning + 10 * Self.minute)
            try c.append(S.sale(batch, child: S.code(1, device: 3), quantity: 80), id: "s-c", at: marketMorning + 12 * Self.minute)
            try harness.push(b)
            try harness.push(c)
            let arrived = try harness.push(a)

            #expect(arrived.verdicts.map(\.reasonCode) == ["oversold"])
            let open = try harness.store.conflicts(status: .open)
            #expect(open.map(\.kind) == [.oversold])
            #expect(open.first?.candidates.map(\.eventId) == ["s-b", "s-c"])
            #expect(try harness.batchRow(batch)?.flags == "oversold")
            #expect(try harness.batchRow(batch)?.balance == "-60")
        }
    }
}
