import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// A complaint filed in a real browser reaches the right node's queue: Debian's chromium through chromedriver and
/// Selenium (`Tests/Browser/complaint_flow.py`) against a real `sync-server` on which a real `field` device of market
/// 46010001 sold goods. The shopper opens the sold code's public page, has markup refused, files the complaint with a
/// phone number and reads the receipt number; 46010001's node admin finds it in the console's queue and answers it,
/// and the shopper's page shows the answer; 46010002's node admin neither sees nor opens it. The test then checks
/// the store: one complaint, in 46010001's queue, answered and upheld, its phone sealed in the database file.
/// Screenshots go to `$TRACESYNC_SCREENSHOTS` when set. Skipped when the browser, its driver or Selenium is missing,
/// unless `CI` is set: then it fails.
@Suite(.serialized, .enabled(
    "chromium、chromedriver 或 selenium 未安装，跳过 / chromium, chromedriver or selenium is missing: apt-get install chromium chromium-driver; pip install selenium (set CI=1 to fail instead)"
) { await ConsoleBrowserSetup.seleniumReady() || HeadlessChromium.required })
struct ComplaintBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/complaint_flow.py")
    static let phone = "139 0898 6521"

    @Test func aComplaintFiledInTheBrowserReachesTheSellingNodesQueueOnly() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI 要求 chromium / CI requires chromium: apt-get install chromium")
        let driver = try #require(ConsoleBrowserSetup.executable("chromedriver"), "CI 要求 chromedriver / CI requires chromedriver: apt-get install chromium-driver")
        try await ConflictMarket.with { market in
            let batch = try await market.receive(on: market.a, quantity: "50").code
            let sold = try await market.a.device.json("sell", batch, "--quantity", "5", "--buyer", "海口美兰区陈记肉档", "--price", "32")
            let code = try #require(sold["code"]?.stringValue)
            try await market.sync(market.a)
            try await ConsoleBrowserTests.addUser("wang.own", node: "46010001", password: "Haikou-Mango-2026", server: market.server)
            try await ConsoleBrowserTests.addUser("zhao.other", node: "46010002", password: "Wenchang-Coconut-2026", server: market.server)

            var arguments = [
                Self.script.path, "--url", market.server.url, "--code", code, "--phone", Self.phone,
                "--own-user", "wang.own", "--own-password", "Haikou-Mango-2026",
                "--other-user", "zhao.other", "--other-password", "Wenchang-Coconut-2026",
                "--chromium", chromium.executable.path, "--chromedriver", driver.path,
            ]
            if let screenshots = ProcessInfo.processInfo.environment["TRACESYNC_SCREENSHOTS"] { arguments += ["--screenshots", screenshots] }
            let run = try await ProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments,
                                         in: market.server.directory, timeout: 240)
            #expect(run.status == 0, "\(run)")
            let receipt = try #require(run.stdout.firstMatch(of: /receipt: (TS-[0-9A-Z]{10})/)?.1, "\(run)")

            let listed = try await market.server.admin(["admin", "complaints", "list", "--json"])
            #expect(listed.status == 0, "\(listed)")
            let complaints = try listed.json().decode([Complaint].self)
            let complaint = try #require(complaints.first)
            #expect(complaints.count == 1, "the refused form saved nothing")
            #expect(complaint.receipt == String(receipt) && complaint.code == code && complaint.batchCode == batch)
            #expect(complaint.node == "46010001" && complaint.category == .spoiled)
            #expect(complaint.status == .answered && complaint.upheld == true && complaint.updatedBy == "wang.own")
            #expect(complaint.phone == "139****6521")
            let other = try await market.server.admin(["admin", "complaints", "list", "--node", "46010002", "--json"])
            #expect(try other.json().decode([Complaint].self).isEmpty)

            let file = ["", "-wal"].reduce(into: Data()) { $0 += FileManager.default.contents(atPath: market.server.databasePath + $1) ?? Data() }
            #expect(file.range(of: Data("13908986521".utf8)) == nil && file.range(of: Data(Self.phone.utf8)) == nil,
                    "the phone number is in the database file in clear")
            #expect(!market.server.log.contains("13908986521") && !market.server.log.contains(Self.phone), "the phone number is in the log")
        }
    }
}
