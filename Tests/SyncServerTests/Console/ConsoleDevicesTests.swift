import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// The console's devices page: what it shows of each device, revoking with a note, issuing an enrollment code as
/// text and QR code, and what each kind of admin sees and may do there.
@Suite struct ConsoleDevicesTests {
    /// A device at 46010001 whose clock runs 10 min 30 s ahead (less the push's delay), that registered an operator and pushed a receipt for
    /// an operator nobody registered (rejected): two entries, one rejected.
    private func busyDevice(_ server: ServerHarness) async throws -> EnrollResponse {
        let device = try await server.enroll(node: "46010001")
        var clock = HybridLogicalClock(deviceId: device.deviceId)
        let ahead = BusinessTime.now() + 630_000
        let registered = Operator(id: "OP-46010001-T01", node: "46010001", name: "海口龙华区王记蔬菜批发部", kind: .organisation, stall: "D-001")
        let code = TraceCode.make(node: "46010001", deviceNumber: device.deviceNumber, date: BusinessTime.codeDate(ahead), serial: 1)
        let receipt = try JSONValue.object([
            "batchCode": .string(code.digits), "node": .string("46010001"), "product": .string("100101"),
            "quantity": .string("12"), "unit": .string("kg"), "operatorId": .string("OP-46010001-NOBODY"),
            "supplier": .string("澄迈金江屠宰场"), "origin": .string("460106"), "time": .integer(ahead),
        ]).decode(Receipt.self)
        var entries: [JournalEntry] = []
        for (body, id) in [(EventBody.operatorRegistration(registered), registered.id), (.receipt(receipt), UUIDv7.make())] {
            entries.append(JournalEntry(
                deviceId: device.deviceId, seq: Int64(entries.count + 1), hlc: clock.tick(wallMillis: ahead), wallTime: ahead,
                author: "符永清", kind: body.kind, payload: try body.payload(id: id), prev: entries.last?.hash ?? JournalEntry.genesis
            ))
        }
        let pushed = try await server.post("/v1/sync/push", PushRequest(entries: entries), secret: device.secret)
        #expect(pushed.status == .ok)
        #expect(try pushed.decoded(PushResponse.self).verdicts.map(\.verdict) == [.applied, .rejected])
        return device
    }

    @Test func eachDeviceShowsItsNodeInspectorLastSeenAcknowledgedSeqRejectedEntriesClockSkewAndStatus() async throws {
        try await withServer { server in
            let device = try await busyDevice(server)
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("alice")
            let page = try await browser.send(.get, "/console/devices")
            #expect(page.status == .ok)
            let row = try #require(page.text.components(separatedBy: "<tr>").first { $0.contains(device.deviceId) })
            #expect(row.contains("<td>46010001</td>"))
            #expect(row.contains("符永清"))
            #expect(row.contains(BusinessTime.display(BusinessTime.now()).prefix(10)), "last seen today")
            #expect(row.contains("<td>2</td>"), "acknowledged seq 2")
            #expect(row.contains("<span class=\"hold\">1</span>"), "one rejected entry")
            #expect(row.contains("快 10 分") && row.contains("10 min") && row.contains("ahead"), "10 min 30 s ahead, less the push's delay")
            #expect(row.contains("正常"))
            #expect(row.contains("action=\"/console/devices/\(device.deviceId)/revoke\""))
        }
    }

    @Test func revokingWithANoteRevokesTheDeviceAndIsAuditedAsTheAPIsRevoke() async throws {
        try await withServer { server in
            let device = try await server.enroll(node: "46010001")
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("alice")
            let answer = try await browser.send(.post, "/console/devices/\(device.deviceId)/revoke", form: ["csrf": csrf, "note": "平板丢失"])
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/console/devices?node=46010001")
            #expect(try server.admin { try $0.device(device.deviceId) }.revoked)
            let row = try #require(try await browser.send(.get, "/console/devices").text.components(separatedBy: "<tr>")
                .first { $0.contains(device.deviceId) })
            #expect(row.contains("已吊销") && row.contains("revoked"))
            #expect(!row.contains("/revoke\""), "a revoked device offers no revoke form")
            let records = try server.admin { try $0.auditRecords(action: "device.revoke") }.map(\.event)
            #expect(records.map(\.actor) == ["user:alice"])
            #expect(records.map(\.target) == [device.deviceId])
            #expect(records.map(\.outcome) == [.success])
            #expect(records.first?.detail?.contains("平板丢失") == true)
            let refused = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=10", secret: device.secret)
            #expect(refused.status == .unauthorized)
        }
    }

    @Test func aRevokeWithoutANoteOrWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withServer { server in
            let device = try await server.enroll(node: "46010001")
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("alice")
            let path = "/console/devices/\(device.deviceId)/revoke"
            let noNote = try await browser.send(.post, path, form: ["csrf": csrf, "note": "  "])
            #expect(noNote.status == .badRequest)
            #expect(noNote.text.contains("吊销原因") && noNote.text.contains("the reason for revoking"))
            #expect(try await browser.send(.post, path, form: ["note": "丢失"]).status == .forbidden)
            #expect(try !server.admin { try $0.device(device.deviceId) }.revoked)
        }
    }

    @Test func anIssuedEnrollmentCodeIsShownAsTextAndAsAQRCodeOfTheEnrollLineThatEnrollsADevice() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("alice")
            let page = try await browser.send(.post, "/console/devices/enroll-code", form: ["csrf": csrf, "node": "46010002", "expires": "24h"])
            #expect(page.status == .ok)
            let code = try #require(Self.text(of: "enroll-code", in: page.text))
            let line = try #require(Self.text(of: "enroll-line", in: page.text))
            #expect(line == "field enroll http://localhost \(code)", "the router test client's Host is localhost")
            let svgStart = try #require(page.text.range(of: "<svg"))
            let svgEnd = try #require(page.text.range(of: "</svg>", range: svgStart.upperBound..<page.text.endIndex))
            let svg = String(page.text[svgStart.lowerBound..<svgEnd.upperBound])
            if let decoder = QRDecoder.find() {
                let decoded = try await ProcessRun.withTemporaryDirectory { try await decoder.decode(svg: svg, in: $0) }
                #expect(decoded == line)
            } else {
                #expect(!QRDecoder.required, "CI 要求 zbarimg / CI requires zbarimg: apt-get install zbar-tools librsvg2-bin")
            }
            let enrolled = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "扫码机"))
            #expect(enrolled.status == .created)
            #expect(try enrolled.decoded(EnrollResponse.self).node.code == "46010002")
            let records = try server.admin { try $0.auditRecords(action: "enroll_code.issue") }.map(\.event)
            #expect(records.map(\.actor) == ["user:alice"])
            #expect(records.map(\.target) == ["46010002"])
            let detail = records.first?.detail ?? ""
            #expect(!detail.contains(code), "the code itself is never audited")
        }
    }

    /// The text of the element with `id` in `page`, unescaped of nothing (codes and URLs have no markup).
    static func text(of id: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\">") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" })
    }
}

/// How the devices page words a clock skew.
@Suite struct ConsoleDeviceSkewTests {
    @Test(arguments: [
        (Int64(0), "准 <span class=\"en\">in step</span>"),
        (999, "准 <span class=\"en\">in step</span>"),
        (1_500, "快 1 秒 <span class=\"en\">1 s ahead</span>"),
        (-3_725_000, "慢 1 小时 2 分 <span class=\"en\">1 h 2 min behind</span>"),
        (90_061_000, "快 1 天 1 小时 <span class=\"en\">1 d 1 h ahead</span>"),
        (-86_400_000, "慢 1 天 <span class=\"en\">1 d behind</span>"),
    ])
    func aSkewIsWordedInItsTwoLargestUnitsAheadOrBehind(millis: Int64, words: String) {
        #expect(ConsoleDevicesPage.skew(millis) == words)
    }
}
