import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// A device set up with `field init` records a morning with no server, enrolls later keeping its identity, and its
/// records reach the server and the market's other devices.
@Suite(.serialized)
struct OfflineEnrollmentTests {
    @Test func aDeviceInitialisedOfflineEnrollsAndSyncsWhatItRecorded() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }

            let offline = try FieldDeviceProcess(directory: directory, name: "offline")
            let initialised = try await offline.run("init", "--node", "46010001", "--device-number", "12", "--inspector", "李明")
            #expect(initialised.status == 0, "\(initialised)")
            let added = try await offline.run("operator", "add", "--name", "海口阿强猪肉档", "--kind", "individual", "--id", "OP-46010001-950")
            #expect(added.status == 0, "\(added)")
            let receipt = try await offline.json(
                "receive", "--product", "五花肉", "--quantity", "200", "--operator", "OP-46010001-950",
                "--supplier", "海南澄金肉联食品有限公司", "--origin", "469023"
            )
            let code = try #require(receipt["code"]?.stringValue)
            #expect(code.hasPrefix("46010001012"), "the trace code carries the offline device number")
            _ = try await offline.json("inspect", code, "--item", "瘦肉精", "--result", "pass")
            _ = try await offline.json("sell", code, "--quantity", "30", "--buyer", "海口美兰区阿强猪肉档", "--price", "26.5")

            let enrolled = try await offline.run("enroll", server.url, try server.enrollCode(node: "46010001"), "--name", "离线机")
            #expect(enrolled.status == 0, "\(enrolled)")
            #expect(enrolled.stdout.contains("设备序号 12"), "\(enrolled)")
            let synced = try await offline.run("sync", "--attempts", "2", "--retry-delay", "0.2")
            #expect(synced.status == 0, "\(synced)")
            let status = try await offline.json("status")
            #expect(status["pending"] == .integer(0), "\(status)")
            #expect(status["rejected"]?.arrayValue?.isEmpty == true, "\(status)")

            let other = try await MarketDevice.enrolled("other", node: "46010001", server: server, in: directory)
            let shown = try await other.device.run("show", code, "--lang", "en")
            #expect(shown.status == 0, "\(shown)")
            #expect(shown.stdout.contains("海口阿强猪肉档") || shown.stdout.contains("OP-46010001-950"), "\(shown)")
            let verified = try await server.admin("verify")
            #expect(verified.status == 0, "\(verified)")
        }
    }
}
