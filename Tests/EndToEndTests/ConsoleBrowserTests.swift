import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The admins' console in a real browser: Debian's chromium through chromedriver and Selenium
/// (`Tests/Browser/console_flow.py`) against a real `sync-server`, on a conflict two real `field` devices made. The
/// script sets the first password, signs in, opens the queue and voids one of two offline sales; then both devices
/// sync and must show the resolution. It also checks a form without its CSRF token is refused and another market's
/// node admin gets 403 opening the conflict by URL. Screenshots go to `$TRACESYNC_SCREENSHOTS` when set.
/// Skipped when the browser, its driver or Selenium is missing, unless `CI` is set: then it fails.
@Suite(.serialized, .enabled(
    "chromium、chromedriver 或 selenium 未安装，跳过 / chromium, chromedriver or selenium is missing: apt-get install chromium chromium-driver; pip install selenium (set CI=1 to fail instead)"
) { await ConsoleBrowserSetup.seleniumReady() || HeadlessChromium.required })
struct ConsoleBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/console_flow.py")

    @Test func aNewAdminSettlesTheDevicesConflictInTheBrowserAndBothDevicesShowIt() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI 要求 chromium / CI requires chromium: apt-get install chromium")
        let driver = try #require(ConsoleBrowserSetup.executable("chromedriver"), "CI 要求 chromedriver / CI requires chromedriver: apt-get install chromium-driver")
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a, quantity: "100").code
            try await market.sync(a)
            try await market.sync(b)
            _ = try await a.device.json("sell", batch, "--quantity", "80", "--buyer", "张三", "--price", "26")
            let saleB = try #require(try await b.device.json("sell", batch, "--quantity", "80", "--buyer", "李四", "--price", "25.5")["eventId"]?.stringValue)
            for device in [a, b, a, b] { try await market.sync(device) }
            let conflict = try await market.onlyOpenConflict(.oversold)

            #expect(market.server.log.contains("admins' console: \(market.server.url)/console\n"), "the server names the console's address")
            #expect(market.server.log.contains("\(market.server.url)/console/password"))
            let token = try #require(Self.bootstrapToken(in: market.server.log), "the server printed no bootstrap token: \(market.server.log)")
            try await Self.addUser("other", node: "46010002", password: "Wenchang-Coconut-2026", server: market.server)
            let note = "李四的交易为重复录入，作废 / 李四's sale was entered twice: voided"
            var arguments = [
                Self.script.path, "--url", market.server.url, "--bootstrap-token", token, "--password", "Haikou-Mango-2026",
                "--conflict", String(conflict.id), "--void-event", saleB, "--note", note,
                "--other-user", "other", "--other-password", "Wenchang-Coconut-2026",
                "--chromium", chromium.executable.path, "--chromedriver", driver.path,
            ]
            if let screenshots = ProcessInfo.processInfo.environment["TRACESYNC_SCREENSHOTS"] { arguments += ["--screenshots", screenshots] }
            let run = try await ProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments,
                                         in: market.server.directory, timeout: 180)
            #expect(run.status == 0, "\(run)")

            // The browser's decision, not the forged accept, is what the store holds.
            let resolved = try #require(try await market.listed("--status", "resolved").first { $0.id == conflict.id })
            #expect(resolved.resolution?.action == .void && resolved.resolution?.eventId == saleB)
            #expect(resolved.resolution?.author == "admin" && resolved.resolution?.note == note)
            let shown = try await market.expectBothPulled(resolved, on: batch)
            #expect(shown["balance"] == .string("20"))
            #expect(shown.flags.isEmpty)
        }
    }

    /// The bootstrap token from the server's first lines.
    static func bootstrapToken(in log: String) -> String? {
        guard let range = log.range(of: #"bootstrap token \([^)]*\): \S+"#, options: .regularExpression) else { return nil }
        return log[range].split(separator: " ").last.map(String.init)
    }

    /// Adds the node admin `name` of `node` with `sync-server admin user add`, the password on standard input.
    static func addUser(_ name: String, node: String, password: String, server: ServerProcess) async throws {
        let executable = try #require(Executables.url("sync-server"))
        let file = server.directory.appendingPathComponent("password-\(name).txt")
        try Data((password + "\n").utf8).write(to: file)
        let command = "\"\(executable.path)\" admin user add \(name) --role node --node \(node) --db \"\(server.databasePath)\" < \"\(file.path)\""
        let result = try await ProcessRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: server.directory)
        #expect(result.status == 0, "\(result)")
    }
}

/// What the console's browser test needs on the machine.
enum ConsoleBrowserSetup {
    /// Whether chromium, chromedriver and Python's selenium are all here.
    static func seleniumReady() async -> Bool {
        guard HeadlessChromium.find() != nil, executable("chromedriver") != nil else { return false }
        return (try? await ProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium"],
                                    in: FileManager.default.temporaryDirectory).status) == 0
    }

    /// An executable on `PATH`.
    static func executable(_ name: String) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
