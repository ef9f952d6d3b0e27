import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// A node admin sees only their own nodes' conflicts, recalls, statistics and exports; reaching another node is a
/// 403 that the audit log records. The auditor reads everything and changes nothing.
@Suite struct AdminScopeTests {
    static let own = "46010001", other = "46010002"

    @Test func aNodeAdminOfAnotherNodeCannotSeeTheConflictsRecallsOrExportsOfThisOne() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let batchCode = try sold.batchCode
            let outsider = try server.session(of: "zhou", role: .node, nodes: [Self.other])
            let today = BusinessTime.dayOf(BusinessTime.now())

            let listed = try await server.send(.get, "/v1/admin/conflicts", secret: outsider)
            #expect(listed.status == .ok)
            #expect(try listed.decoded([ConflictRecord].self).isEmpty, "another node's conflicts are not listed")
            for (method, uri) in [
                (HTTPRequest.Method.get, "/v1/admin/conflicts?node=\(Self.own)"),
                (.get, "/v1/admin/conflicts/\(sold.conflict.id)"),
                (.post, "/v1/admin/conflicts/\(sold.conflict.id)/resolve"),
                (.get, "/v1/admin/recall/\(batchCode)"),
                (.get, "/v1/admin/stats?from=\(today)&to=\(today)&node=\(Self.own)"),
                (.get, "/v1/export/epcis?from=\(today)&to=\(today)&node=\(Self.own)"),
                (.get, "/v1/export/epcis?from=\(today)&to=\(today)"),
                (.get, "/v1/export/csv/sales?from=\(today)&to=\(today)&node=\(Self.own)"),
                (.get, "/v1/export/csv/sales?from=\(today)&to=\(today)"),
                (.get, "/v1/export/feed"),
            ] {
                let response = try await server.send(method, uri, body: #"{"action":"accept","note":"x"}"#, secret: outsider)
                #expect(response.status == .forbidden, "\(uri): \(response.text)")
                let error = try response.apiError
                #expect(error.code == "forbidden")
                #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
            }
            let refused = try server.admin { try $0.auditRecords(actor: "user:zhou") }.filter { $0.event.status == 403 }
            #expect(refused.count == 10, "every refusal is audited: \(refused.map(\.event))")
            #expect(refused.allSatisfy { $0.event.outcome == .refused })
            let stats = try await server.send(.get, "/v1/admin/stats?from=\(today)&to=\(today)", secret: outsider)
            #expect(stats.status == .ok)
            #expect(try stats.decoded(SupervisionStats.self).days.allSatisfy { $0.node == Self.other })
        }
    }

    @Test func aNodeAdminSeesAndResolvesTheirOwnNodesConflicts() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let batchCode = try sold.batchCode
            let keeper = try server.session(of: "lin", role: .node, nodes: [Self.own])
            let today = BusinessTime.dayOf(BusinessTime.now())
            let listed = try await server.send(.get, "/v1/admin/conflicts", secret: keeper)
            #expect(try listed.decoded([ConflictRecord].self).map(\.id) == [sold.conflict.id])
            for uri in [
                "/v1/admin/conflicts/\(sold.conflict.id)", "/v1/admin/recall/\(batchCode)",
                "/v1/admin/stats?from=\(today)&to=\(today)&node=\(Self.own)",
                "/v1/export/csv/sales?from=\(today)&to=\(today)&node=\(Self.own)",
                "/v1/export/epcis?from=\(today)&to=\(today)&node=\(Self.own)",
            ] {
                let response = try await server.send(.get, uri, secret: keeper)
                #expect(response.status == .ok, "\(uri): \(response.text)")
            }
            let resolved = try await server.send(.post, "/v1/admin/conflicts/\(sold.conflict.id)/resolve",
                                                 body: #"{"action":"accept","note":"已核实 / checked"}"#, secret: keeper)
            #expect(resolved.status == .ok, "\(resolved.text)")
            #expect(try resolved.decoded(ConflictRecord.self).resolution?.author == "lin")
        }
    }

    @Test func theAuditorReadsEveryNodeButResolvesNothing() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let auditor = try server.session(of: "gao", role: .auditor)
            let listed = try await server.send(.get, "/v1/admin/conflicts", secret: auditor)
            #expect(try listed.decoded([ConflictRecord].self).map(\.id) == [sold.conflict.id])
            #expect(try await server.send(.get, "/v1/export/feed", secret: auditor).status == .ok)
            let resolve = try await server.send(.post, "/v1/admin/conflicts/\(sold.conflict.id)/resolve",
                                                body: #"{"action":"accept","note":"x"}"#, secret: auditor)
            #expect(resolve.status == .forbidden)
            let error = try resolve.apiError
            #expect(error.code == "forbidden")
            #expect(error.message.zh.contains("省级管理员或节点管理员"))
            #expect(error.message.en.contains("province admin or node admin"))
            #expect(try server.admin { try $0.conflict(sold.conflict.id) }.status == .open)
        }
    }
}

extension ConflictScenario {
    /// The trace code of the batch the conflict is about.
    var batchCode: String {
        get throws {
            let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
            return try #require(body.batchCode).digits
        }
    }
}
