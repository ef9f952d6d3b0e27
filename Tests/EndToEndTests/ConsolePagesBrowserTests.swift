import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The console's devices, operators, recall, findings, stats, audit and users pages in a real browser
/// (`Tests/Browser/console_pages.py`, Debian's chromium through chromedriver and Selenium) against a real
/// `sync-server serve --demo` with one real `field` device: every page opens from the header and shows what it must;
/// the enrollment code's QR code, as the browser drew it, is read by Debian's zbarimg to the page's
/// `field enroll <server URL> <code>` line, and a second `field` device enrolls with exactly that line.
/// Screenshots go to `$TRACESYNC_SCREENSHOTS` when set. Skipped when the browser, its driver, Selenium or zbarimg is
/// missing, unless `CI` is set: then it fails.
@Suite(.serialized, .enabled(
    "chromium、chromedriver、selenium 或 zbarimg 未安装，跳过 / chromium, chromedriver, selenium or zbarimg is missing: apt-get install chromium chromium-driver zbar-tools; pip install selenium (set CI=1 to fail instead)"
) { (await ConsoleBrowserSetup.seleniumReady() && QRDecoder.find() != nil) || HeadlessChromium.required })
struct ConsolePagesBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/console_pages.py")

    @Test func everyPageOpensInTheBrowserAndTheEnrollmentQRCodeScansToALineThatEnrollsADevice() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI 要求 chromium / CI requires chromium: apt-get install chromium")
        let driver = try #require(ConsoleBrowserSetup.executable("chromedriver"), "CI 要求 chromedriver / CI requires chromedriver: apt-get install chromium-driver")
        let decoder = try #require(QRDecoder.find(), "CI 要求 zbarimg / CI requires zbarimg: apt-get install zbar-tools librsvg2-bin")
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let device = try await MarketDevice.enrolled("一号机", node: "46010001", server: server, in: directory)
            _ = try await device.recordEvents(6)
            try await device.sync()
            let token = try #require(ConsoleBrowserTests.bootstrapToken(in: server.log), "no bootstrap token: \(server.log)")
            let qr = directory.appendingPathComponent("enroll-qr.png")
            let deviceId = try await Self.deviceId(device)
            var arguments = [
                Self.script.path, "--url", server.url, "--bootstrap-token", token, "--password", "Haikou-Mango-2026",
                "--node", "46010002", "--device", deviceId, "--qr-png", qr.path,
                "--chromium", chromium.executable.path, "--chromedriver", driver.path,
            ]
            if let screenshots = ProcessInfo.processInfo.environment["TRACESYNC_SCREENSHOTS"] { arguments += ["--screenshots", screenshots] }
            let run = try await ProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, in: directory, timeout: 180)
            #expect(run.status == 0, "\(run)")
            let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("ENROLL ") }).dropFirst("ENROLL ".count)

            let scan = try await ProcessRun.run(decoder.zbarimg, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", qr.path], in: directory)
            #expect(scan.status == 0, "\(scan)")
            #expect(scan.stdout.trimmingCharacters(in: .newlines) == String(line), "the QR code the browser drew carries the enrollment line")

            let words = line.split(separator: " ").map(String.init)
            #expect(words.count == 4 && words[0...1] == ["field", "enroll"] && words[2] == server.url)
            let scanned = try FieldDeviceProcess(directory: directory, name: "扫码机")
            let enrolled = try await scanned.run(Array(words.dropFirst()) + ["--name", "扫码机", "--inspector", "检测员扫码"])
            #expect(enrolled.status == 0, "\(enrolled)")
            #expect(try await scanned.json("status")["identity"]?["node"]?.stringValue == "46010002", "\(enrolled)")
        }
    }

    /// The device id `field status --json` reports.
    static func deviceId(_ device: MarketDevice) async throws -> String {
        try #require(try await device.device.json("status")["identity"]?["deviceId"]?.stringValue, "field status --json names no deviceId")
    }
}
