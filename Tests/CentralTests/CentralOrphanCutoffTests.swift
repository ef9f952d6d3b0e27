import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A push applies the orphan timeout reading only the orphans past the cutoff (an index range on the received
/// time), not every orphan held: an old orphan is still flagged, the recent ones are not read.
@Suite("Central store: orphans past the cutoff")
struct CentralOrphanCutoffTests {
    typealias S = MergeSamples

    @Test func anOldOrphanIsStillFlaggedByAPushAmongRecentOnes() throws {
        try CentralHarness.with { harness in
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            try b.append(S.inspection(S.code(1), passed: true), id: "old", at: marketMorning)
            try harness.push(b)
            harness.now += harness.store.orphanTimeout + 1
            // Orphans of other batches arrive now, within their time; the push that brings them flags the old one.
            try b.append(S.inspection(S.code(2), passed: true), id: "new-2", at: marketMorning + 1)
            try b.append(S.inspection(S.code(3), passed: true), id: "new-3", at: marketMorning + 2)
            try harness.push(b)
            #expect(try Self.flagged(harness) == ["new-2": 0, "new-3": 0, "old": 1])
            let open = try harness.store.database.query("SELECT subject FROM conflicts WHERE kind = 'orphan'")
            #expect(try open.map { try $0.text("subject") } == ["orphan:\(S.code(1).digits)"])
        }
    }

    @Test func theCutoffIsExclusiveAndTheOrphansComeOldestFirst() throws {
        try CentralHarness.with { harness in
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            try b.append(S.inspection(S.code(1), passed: true), id: "first", at: marketMorning)
            try harness.push(b)
            let first = harness.now
            harness.now += 10
            try b.append(S.inspection(S.code(2), passed: true), id: "second", at: marketMorning + 1)
            try harness.push(b)
            let read = { (cutoff: Int64) in
                try harness.store.write { try $0.unflaggedOrphans(receivedBefore: cutoff).map(\.eventId) }
            }
            #expect(try read(first) == [])
            #expect(try read(first + 1) == ["first"])
            #expect(try read(first + 11) == ["first", "second"])
            #expect(try harness.store.write { try $0.unflaggedOrphans().map(\.eventId) } == ["first", "second"])
            #expect(OrphanTimeout.cutoff(now: first + 100, timeout: 100) == first,
                    "an orphan received exactly a timeout ago is not overdue yet")
        }
    }

    @Test func theQueryReadsARangeOfTheReceivedTimeIndex() throws {
        try CentralHarness.with { harness in
            let plan = try harness.store.database.query(
                "EXPLAIN QUERY PLAN " + SQLitePushTransaction.orphansPastCutoffSQL, [Int64(0)]
            ).map { try $0.text("detail") }
            #expect(plan.contains { $0.contains("USING INDEX orphans_age (flagged=? AND received_at<?)") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN orphans") }, "\(plan)")
        }
    }

    /// Each held event's flag, by id.
    static func flagged(_ harness: CentralHarness) throws -> [String: Int64] {
        try harness.store.database.query("SELECT event_id, flagged FROM orphans").reduce(into: [:]) { flags, row in
            flags[try row.text("event_id")] = try row.integer("flagged")
        }
    }
}
