import CSQLite
import Foundation
@testable import SyncCore
import Testing
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A pull page and an exchange feed page read about their own rows however long the log is, so a device's initial
/// pull grows with the log, not with its square: the queries range over indexes in `seq` order, with no sort and no
/// scan, and the work SQLite does for a page (its virtual machine's steps) stays the same in a log ten times longer.
@Suite struct CentralPullPlanTests {
    typealias S = MergeSamples

    @Test func thePullPageQueryRangesOverIndexesWithoutASortOrAScan() throws {
        try CentralHarness.with { harness in
            let plan = try Self.plan(of: CentralStore.pullPageSQL, in: harness.store, 0, S.node, "d", 50)
            #expect(plan.contains { $0.contains("USING INDEX server_log_node ") }, "\(plan)")
            #expect(plan.contains { $0.contains("USING INDEX server_log_accepted ") }, "\(plan)")
            #expect(plan.contains { $0.contains("USING INDEX server_log_rejected ") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") || $0.contains("SCAN l") || $0.contains("AUTOMATIC") }, "\(plan)")
        }
    }

    @Test func theFeedPageQueryRangesOverAnIndexWithoutASortOrAScan() throws {
        try CentralHarness.with { harness in
            let plan = try Self.plan(of: CentralStore.feedPageSQL, in: harness.store, 0, 50)
            #expect(plan.contains { $0.contains("USING INDEX server_log_feed ") }, "\(plan)")
            #expect(plan.contains { $0.contains("USING INDEX events_entry ") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") || $0.contains("SCAN") || $0.contains("AUTOMATIC") }, "\(plan)")
        }
    }

    @Test(arguments: [Page.first, .middle, .last])
    func aPullPageCostsTheSameInALogTenTimesLonger(_ page: Page) async throws {
        let short = try await OwnThread.run { try Self.pullPageSteps(page, operatorsPerNode: 150) }
        let long = try await OwnThread.run { try Self.pullPageSteps(page, operatorsPerNode: 1_500) }
        #expect(long < 2 * short, "a page of the short log took \(short) steps, of the long one \(long)")
    }

    @Test(arguments: [Page.first, .middle, .last])
    func aFeedPageCostsTheSameInALogTenTimesLonger(_ page: Page) async throws {
        let short = try await OwnThread.run { try Self.feedPageSteps(page, entries: 200) }
        let long = try await OwnThread.run { try Self.feedPageSteps(page, entries: 2_000) }
        #expect(long < 2 * short, "a page of the short feed took \(short) steps, of the long one \(long)")
    }

    @Test func aPullReadsEveryItemOfTheDeviceScopeOnceInLogOrder() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南北市场 1 号机", author: "符永清")
            var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
            var c = try harness.enroll("龙昆市场 1 号机", author: "王海燕", node: S.otherNode)
            try a.append(S.receipt(S.code(1)), id: "r-a", at: S.receivedAt - 5 * S.hour)
            Self.appendRefused(to: &a, at: S.receivedAt - 4 * S.hour)
            try b.append(S.receipt(S.code(1, device: 2)), id: "r-b", at: S.receivedAt - 3 * S.hour)
            Self.appendRefused(to: &b, at: S.receivedAt - 2 * S.hour)
            try c.append(S.receipt(S.code(1, node: S.otherNode), operatorId: S.fuji, node: S.otherNode), id: "r-c",
                         at: S.receivedAt - S.hour)
            for journal in [a, c, b] { try harness.push(journal) }
            let items = try harness.pullAll(a)
            let cursors = items.map(\.cursor)
            #expect(cursors == cursors.sorted() && Set(cursors).count == cursors.count)
            let entries = items.compactMap { item -> String? in
                guard case .entry(let entry, let verdict) = item.item else { return nil }
                let device = entry.deviceId == a.deviceId ? "a" : entry.deviceId == b.deviceId ? "b" : "c"
                return "\(device)\(entry.seq) \(verdict.verdict.rawValue)"
            }
            #expect(entries == ["a1 applied", "a2 rejected", "b1 applied"],
                    "its own entries, rejected too; another device's accepted ones; never another node's")
        }
    }

    /// Appends an entry the server rejects: a receipt without its fields.
    private static func appendRefused(to journal: inout HandJournal, at wall: Int64) {
        journal.append(kind: .receipt, payload: .object(["id": .string("broken-\(journal.entries.count)")]), at: wall)
    }

    /// Which page of the log a cost test reads.
    enum Page: CaseIterable, Sendable { case first, middle, last }

    /// The virtual machine steps of one page of 51 in the scope of a device of node 46010001, in a log holding
    /// `operatorsPerNode` operator records of its node and as many of node 46010002 after the bundled master data.
    private static func pullPageSteps(_ page: Page, operatorsPerNode: Int) throws -> Int32 {
        try CentralHarness.with { harness in
            let journal = try harness.enroll("南北市场 1 号机", author: "符永清")
            for number in 0..<operatorsPerNode {
                for node in [S.node, S.otherNode] {
                    try harness.store.upsert(Operator(id: "op-\(node)-\(number)", node: node, name: "经营户 \(number)", kind: .individual))
                }
            }
            let device = try harness.store.device(journal.deviceId)
            let cursors = try harness.pullAll(journal).map(\.cursor)
            let cursor = switch page {
            case .first: Int64(0)
            case .middle: cursors[cursors.count / 2]
            case .last: cursors[cursors.count - 52]
            }
            return try steps(of: CentralStore.pullPageSQL, in: harness.store, cursor, device.node, device.id, 51)
        }
    }

    /// The virtual machine steps of one feed page of 51 in a log of `entries` accepted receipts, each after a
    /// rejected entry and an operator record.
    private static func feedPageSteps(_ page: Page, entries: Int) throws -> Int32 {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("南北市场 1 号机", author: "符永清")
            for number in 1...entries {
                try harness.store.upsert(Operator(id: "op-\(number)", node: S.node, name: "经营户 \(number)", kind: .individual))
                let wall = S.receivedAt - S.hour + 2 * Int64(number)
                try journal.append(S.receipt(S.code(number)), id: "r-\(number)", at: wall)
                Self.appendRefused(to: &journal, at: wall + 1)
                if number % 100 == 0 || number == entries { try harness.push(journal) }
            }
            var cursors: [Int64] = [], cursor: Int64 = 0
            while true {
                let feed = try harness.store.feed(after: cursor, limit: 1_000)
                cursors += feed.items.map(\.cursor)
                cursor = feed.nextCursor
                if !feed.more { break }
            }
            let start = switch page {
            case .first: Int64(0)
            case .middle: cursors[cursors.count / 2]
            case .last: cursors[cursors.count - 52]
            }
            return try steps(of: CentralStore.feedPageSQL, in: harness.store, start, 51)
        }
    }

    /// The query plan's lines for `sql` with `arguments`.
    private static func plan(of sql: String, in store: CentralStore, _ arguments: any DatabaseValueConvertible...) throws -> [String] {
        try store.database.query("EXPLAIN QUERY PLAN " + sql, arguments).compactMap { $0.string("detail") }
    }

    /// Runs `sql` with `arguments` to its last row and returns how many steps SQLite's virtual machine took.
    private static func steps(of sql: String, in store: CentralStore, _ arguments: any DatabaseValueConvertible...) throws -> Int32 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(store.database.handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: SQLITE_ERROR, message: String(cString: sqlite3_errmsg(store.database.handle)))
        }
        defer { sqlite3_finalize(statement) }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch argument.databaseValue {
            case .integer(let value): sqlite3_bind_int64(statement, position, value)
            case .text(let value): sqlite3_bind_text(statement, position, value, -1, csqlite_transient())
            default: Issue.record("unexpected argument \(argument)")
            }
        }
        var rows = 0
        while sqlite3_step(statement) == SQLITE_ROW { rows += 1 }
        #expect(rows == 51, "each page measured is a full one")
        return sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 0)
    }
}
