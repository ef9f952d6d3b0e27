import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AdminCommandTests {
    static let now: Int64 = 1_795_471_200_000

    @Test(arguments: [("7d", now + 7 * 86_400_000), ("24h", now + 86_400_000)])
    func relativeExpiriesCountFromNow(text: String, expected: Int64) throws {
        #expect(try EnrollCodeExpiry.parse(text, now: Self.now) == expected)
    }

    @Test func aDateExpiryLastsThroughThatDay() throws {
        let expiresAt = try EnrollCodeExpiry.parse("2026-12-01", now: Self.now)
        #expect(BusinessTime.display(expiresAt) == "2026-12-01 23:59")
    }

    @Test(arguments: ["0d", "7w", "tomorrow", "2020-01-01", ""])
    func anUnreadableOrPastExpiryIsRefused(text: String) {
        #expect(throws: TraceSyncError.self) { try EnrollCodeExpiry.parse(text, now: Self.now) }
    }

    @Test func nodeAddAndEnrollCodeWorkOnTheStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerAdmin-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("central.sqlite").path
        var add = try SyncServerCommand.parseAsRoot([
            "admin", "node", "add", "--db", db, "--code", "46010003", "--name", "海口市美兰区和平农贸市场",
            "--kind", "farmers_market", "--region", "460108",
        ])
        try add.run()
        var issue = try SyncServerCommand.parseAsRoot(["admin", "enroll-code", "--db", db, "--node", "46010003", "--json"])
        try issue.run()
        #expect(try CentralStore(path: db).nodes().map(\.code) == ["46010003"])
    }

    @Test func aBadNodeKindEndsWithExitCode1() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerAdmin-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        var add = try SyncServerCommand.parseAsRoot([
            "admin", "node", "add", "--db", directory.appendingPathComponent("c.sqlite").path, "--code", "46010003",
            "--name", "x", "--kind", "shop", "--region", "460108",
        ])
        #expect(throws: ExitCode.failure) { try add.run() }
    }
}
