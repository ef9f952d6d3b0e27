import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/admin/findings`, `POST /v1/admin/findings/{id}/follow-up` and `GET /v1/export/findings.csv`: the
/// follow-up queue of the supervision checks, each admin seeing only what their role and nodes allow.
@Suite struct AdminFindingsRouteTests {
    /// A device of `node` oversells a 120.5 kg batch by 9.5 kg and the checks run: one `batch_balance` finding
    /// (with its `operator_day_balance` one) on that node.
    static func oversell(_ server: ServerHarness, node: String, operatorId: String) async throws {
        var device = JournalWriter(device: try await server.enroll(node: node))
        let receipt = try device.receive(serial: 1, operatorId: operatorId)
        let batch = try EventBody.decode(kind: receipt.kind, payload: receipt.payload).body.batchCode!
        let child = TraceCode.make(node: node, deviceNumber: device.device.deviceNumber,
                                   date: BusinessTime.codeDate(BusinessTime.now()), serial: 2)
        try device.append(.sale(Sale(batchCode: batch, childCode: child, buyerName: "王老板", quantity: Quantity("130")!,
                                     time: BusinessTime.now())))
        try await server.push(device)
    }

    static func twoMarkets(_ server: ServerHarness) async throws {
        try await oversell(server, node: "46010001", operatorId: "OP-46010001-001")
        try await oversell(server, node: "46010002", operatorId: "OP-46010002-001")
        _ = try server.admin { try $0.runAllChecks() }
    }

    static func nodes(_ response: TestResponse) throws -> [String] {
        try response.decoded([FindingRecord].self).map(\.finding.node)
    }

    @Test func eachRoleListsTheFindingsItMaySee() async throws {
        try await withServer { server in
            try await Self.twoMarkets(server)
            let province = try server.adminToken()
            let nanbei = try server.loggedIn("nanbei.admin", .node, nodes: ["46010001"])
            let auditor = try server.loggedIn("shen.ji", .auditor)

            let all = try await server.send(.get, "/v1/admin/findings?check=batch_balance", secret: province)
            #expect(all.status == .ok, "\(all.text)")
            #expect(try Set(Self.nodes(all)) == ["46010001", "46010002"])
            let high = try all.decoded([FindingRecord].self).first
            #expect(high?.finding.evidence.first { $0.name == "excess" }?.value == "9.5 kg")

            let own = try await server.send(.get, "/v1/admin/findings", secret: nanbei)
            #expect(try Self.nodes(own) == ["46010001", "46010001"])
            let other = try await server.send(.get, "/v1/admin/findings?node=46010002", secret: nanbei)
            #expect(other.status == .forbidden)
            let audited = try await server.send(.get, "/v1/admin/findings?node=46010002&status=open", secret: auditor)
            #expect(try Self.nodes(audited) == ["46010002", "46010002"])

            let bad = try await server.send(.get, "/v1/admin/findings?check=nonsense", secret: province)
            #expect(bad.status == .badRequest)
            #expect(try bad.apiError.code == "bad_parameter")
            let unknown = try await server.send(.get, "/v1/admin/findings?color=red", secret: province)
            #expect(try unknown.apiError.code == "unknown_field")
            #expect(try await server.send(.get, "/v1/admin/findings").status == .unauthorized)
        }
    }

    @Test func theCSVHoldsTheSameSelection() async throws {
        try await withServer { server in
            try await Self.twoMarkets(server)
            let nanbei = try server.loggedIn("nanbei.admin", .node, nodes: ["46010001"])
            let csv = try await server.send(.get, "/v1/export/findings.csv?check=batch_balance", secret: nanbei)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first == Substring(FindingRecord.csvHeader.joined(separator: ",")))
            #expect(lines.count == 2)
            #expect(lines.last?.contains(",46010001,batch_balance,high,open,") == true)
            #expect(lines.last?.contains("excess=9.5 kg") == true)
        }
    }

    @Test func followUpsAreForAdminsOfTheNodeWithANoteAndAudited() async throws {
        try await withServer { server in
            try await Self.twoMarkets(server)
            let id = try #require(try server.admin { try $0.findings(FindingFilter(node: "46010001", check: "batch_balance")) }.first?.id)
            let auditor = try server.loggedIn("shen.ji", .auditor)
            let longkun = try server.loggedIn("longkun.admin", .node, nodes: ["46010002"])
            let nanbei = try server.loggedIn("nanbei.admin", .node, nodes: ["46010001"])
            let uri = "/v1/admin/findings/\(id)/follow-up"
            let dismiss = #"{"status":"dismissed","note":"称重录错，已更正 / weighing typo, corrected"}"#

            #expect(try await server.send(.post, uri, body: dismiss, secret: auditor).status == .forbidden)
            #expect(try await server.send(.post, uri, body: dismiss, secret: longkun).status == .forbidden)
            let noNote = try await server.send(.post, uri, body: #"{"status":"dismissed","note":" "}"#, secret: nanbei)
            #expect(try noNote.apiError.code == "missing_field")
            let badStatus = try await server.send(.post, uri, body: #"{"status":"solved","note":"x"}"#, secret: nanbei)
            #expect(badStatus.status == .badRequest)
            let missing = try await server.send(.post, "/v1/admin/findings/9999/follow-up", body: dismiss, secret: nanbei)
            #expect(missing.status == .notFound)

            let done = try await server.send(.post, uri, body: dismiss, secret: nanbei)
            #expect(done.status == .ok, "\(done.text)")
            let record = try done.decoded(FindingRecord.self)
            #expect(record.status == .dismissed)
            #expect(record.followedUpBy == "nanbei.admin")
            let open = try await server.send(.get, "/v1/admin/findings?node=46010001&status=dismissed", secret: nanbei)
            #expect(try open.decoded([FindingRecord].self).map(\.id) == [id])

            let audit = try server.admin { try $0.auditRecords(action: "finding.follow_up") }
            #expect(audit.map(\.event.status) == [403, 403, 400, 400, 404, 200])
            #expect(audit.last?.event.target == String(id))
        }
    }
}
