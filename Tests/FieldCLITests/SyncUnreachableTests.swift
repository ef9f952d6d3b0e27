import Foundation
import SyncCore
import Testing
import TestSupport

/// `field sync` with no server to answer: it gives up within seconds, says so Chinese first with the English after
/// it (English alone with `--lang en`), names what waits on the device, and changes nothing.
@Suite("field sync without a server")
struct SyncUnreachableTests {
    /// Well above what the run takes (about a second alone, up to about 20 s while the whole suite loads both cores),
    /// far below what it took before (each attempt waited the whole 30 s request timeout: 2 min 45 s for five).
    static let upperBound = Duration.seconds(60)

    @Test func aStoppedServerIsReportedWithinSecondsWithWhatWaitsAndNothingChanged() async throws {
        try await Self.withStrandedDevice { device, server, _ in
            let before = try device.contents()

            let (chinese, elapsed) = try await Self.timed { try await device.run("sync") }
            #expect(chinese.status != 0, "\(chinese)")
            #expect(elapsed < Self.upperBound, "took \(elapsed)\n\(chinese)")
            let lines = chinese.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "正在连接 \(server) …", "\(chinese)")
            #expect(lines.filter { $0.contains("秒后重试") }.count == 1, "a refusal is tried once more, not five times\n\(chinese)")
            let zh = try #require(lines.firstIndex { $0.hasPrefix("错误：") }, "\(chinese)")
            #expect(lines[zh] == "错误：无法连接服务器 \(server)（连接被拒绝：服务器未运行或地址有误）。"
                        + "本机有 2 条记录待上传，未做任何改动；联网后再运行 field sync。")
            #expect(lines.dropFirst(zh + 1).first == "error: cannot reach the server \(server) (connection refused: the server "
                        + "is not running or the address is wrong). 2 entries on this device wait to be pushed; nothing was "
                        + "changed. Run `field sync` again once the server can be reached.")
            Self.expectPlainWording(chinese.stderr)

            let (english, _) = try await Self.timed { try await device.run("sync", "--lang", "en") }
            #expect(english.status != 0)
            #expect(english.stderr.hasPrefix("connecting to \(server) …\n"), "\(english)")
            #expect(english.stderr.contains("error: cannot reach the server \(server) (connection refused"), "\(english)")
            #expect(!english.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(english)")
            Self.expectPlainWording(english.stderr)

            let (json, jsonElapsed) = try await Self.timed { try await device.run("sync", "--json") }
            #expect(json.status != 0)
            #expect(jsonElapsed < Self.upperBound)
            #expect(!json.stderr.contains("正在连接"), "the announcement stays out of JSON runs\n\(json)")
            let error = try #require(try json.json()["error"], "\(json)")
            #expect(error["code"]?.asString == "server_unreachable")
            #expect(error["reason"]?.asString == "refused")
            #expect(error["server"]?.asString == server)
            #expect(error["pending"]?.asInt == 2)
            #expect(error["pending"]?.asInt == (try await device.json("status")["pending"]?.asInt))

            #expect(try device.contents() == before, "nothing changed in the device database")
        }
    }

    @Test func aServerThatNeverAnswersTimesOutAfterTheReadTimeout() async throws {
        try await Self.withStrandedDevice { device, server, port in
            // Takes connections on the server's port (the system's backlog completes them) and never answers.
            let silent = try LoopbackSocket.listening(port: port)
            defer { silent.close() }
            let before = try device.contents()

            let (result, elapsed) = try await Self.timed {
                try await device.run("sync", "--read-timeout", "1", "--attempts", "1", "--json")
            }
            #expect(result.status != 0, "\(result)")
            #expect(elapsed >= .seconds(1), "waited for the read timeout")
            #expect(elapsed < Self.upperBound, "took \(elapsed)\n\(result)")
            let error = try #require(try result.json()["error"], "\(result)")
            #expect(error["code"]?.asString == "server_unreachable")
            #expect(error["reason"]?.asString == "read_timeout")
            #expect(error["pending"]?.asInt == 2)
            #expect(error["message"]?["en"]?.asString?.hasPrefix(
                "no complete answer from the server \(server) (connected, but no answer within 1 s") == true, "\(result)")
            #expect(error["message"]?["zh"]?.asString?.hasPrefix(
                "服务器 \(server) 没有给出完整回答（已连接，但 1 秒内没有回应") == true, "\(result)")
            #expect(try device.contents() == before, "nothing changed in the device database")
        }
    }

    /// A device enrolled at a demo server, synced once, with two receipts recorded since; the server is stopped
    /// before `body` runs, so its port is closed. `body` gets the device, the server's URL and its port.
    private static func withStrandedDevice(_ body: (FieldDevice, String, Int) async throws -> Void) async throws {
        try await withDevice(initialised: false) { device in
            let server = ServerProcess(directory: device.directory)
            try await server.start(["--demo"])
            let code = try await server.enrollCode(node: testNode)
            let enrolled = try await device.run("enroll", server.url, code, "--inspector", "李明")
            try #require(enrolled.status == 0, "\(enrolled)")
            let synced = try await device.run("sync")
            try #require(synced.status == 0, "\(synced)")
            for quantity in ["500", "120"] {
                let received = try await device.run(
                    "receive", "--product", "200102", "--quantity", quantity, "--operator", "OP-46010001-001",
                    "--supplier", "澄迈县福山镇绿源瓜菜专业合作社", "--origin", "469023"
                )
                try #require(received.status == 0, "\(received)")
            }
            try #require(try await device.json("status")["pending"]?.asInt == 2)
            await server.kill()
            try await body(device, server.url, server.port)
        }
    }

    private static func timed(_ run: () async throws -> FieldResult) async throws -> (FieldResult, Duration) {
        let start = ContinuousClock.now
        let result = try await run()
        return (result, ContinuousClock.now - start)
    }

    /// Every line's brackets balance and no library error text leaks through.
    private static func expectPlainWording(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in text.split(separator: "\n") {
            for (open, close) in [("(", ")"), ("（", "）")] {
                var depth = 0
                for character in line {
                    if String(character) == open { depth += 1 }
                    if String(character) == close { depth -= 1 }
                    #expect(depth >= 0, "unbalanced: \(line)", sourceLocation: sourceLocation)
                }
                #expect(depth == 0, "unbalanced: \(line)", sourceLocation: sourceLocation)
            }
        }
        for leak in ["errno", "error set", "Connection refused", "NIOConnectionError", "HTTPClientError"] {
            #expect(!text.contains(leak), "library text \"\(leak)\" in:\n\(text)", sourceLocation: sourceLocation)
        }
    }
}

extension FieldDevice {
    /// Every row of every table of the device database, as text: equal before and after a command that changed
    /// nothing.
    func contents() throws -> [String: [String]] {
        try withDatabase { database in
            var tables: [String: [String]] = [:]
            let names = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.string("name") }
            for table in names {
                let columns = try database.query("SELECT name FROM pragma_table_info(?)", table).compactMap { $0.string("name") }
                let line = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                tables[table] = try database.query("SELECT \(line) AS line FROM \"\(table)\"").compactMap { $0.string("line") }.sorted()
            }
            return tables
        }
    }
}
