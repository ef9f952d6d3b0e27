import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Operator credit over HTTP and on the public page: every input beside the score, a node admin at their own nodes
/// only, the public grade switched by a province admin (audited) and shown on `/t/{code}` only while it is on, the
/// grade alone.
@Suite struct CreditRouteTests {
    static let zhang = "OP-46010001-001"

    /// The oversold scenario's batch: pork received without a quarantine certificate, 160 kg sold of 120.5 — one
    /// oversold (5) and one missing certificate (5): 100 − 10 = 90, grade A.
    @Test func anOperatorsCreditCarriesEveryInputAndTheListIsWorstFirst() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/operators/\(Self.zhang)/credit", secret: token)
            #expect(response.status == .ok, "\(response.text)")
            let credit = try response.decoded(OperatorCredit.self)
            #expect(credit.score == 90)
            #expect(credit.grade == .a)
            #expect(credit.inputs == CreditInputs(oversold: 1, missingCertificates: 1))
            #expect(credit.items.map(\.points).reduce(0, +) == 100 - credit.score)
            let listing = try await server.send(.get, "/v1/admin/credit?node=46010001", secret: token).decoded(CreditListing.self)
            #expect(listing.operators.first?.operatorId == Self.zhang)
            #expect(listing.operators.dropFirst().allSatisfy { $0.score == 100 })
            #expect(listing.publicGrade == false)
            let unknown = try await server.send(.get, "/v1/admin/operators/OP-NOBODY/credit", secret: token)
            #expect(unknown.status == .notFound)
            let noNode = try await server.send(.get, "/v1/admin/credit", secret: token)
            #expect(try noNode.apiError.code == "missing_field")
        }
    }

    @Test func aNodeAdminSeesOnlyTheirOwnNodesOperators() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            let other = try server.session(of: "zhao.other", role: .node, nodes: ["46010002"])
            let refused = try await server.send(.get, "/v1/admin/operators/\(Self.zhang)/credit", secret: other)
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains("\"score\""))
            #expect(try await server.send(.get, "/v1/admin/credit?node=46010001", secret: other).status == .forbidden)
            #expect(try await server.send(.get, "/v1/admin/credit?node=46010002", secret: other).status == .ok)
            let own = try server.session(of: "qian.own", role: .node, nodes: ["46010001"])
            #expect(try await server.send(.get, "/v1/admin/operators/\(Self.zhang)/credit", secret: own).status == .ok)
        }
    }

    @Test func onlyAProvinceAdminSwitchesThePublicGradeAndTheChangeIsAudited() async throws {
        try await withServer { server in
            let node = try server.session(of: "qian.own", role: .node, nodes: ["46010001"])
            let refused = try await server.send(.put, "/v1/admin/credit/settings", body: #"{"publicGrade":true}"#, secret: node)
            #expect(refused.status == .forbidden)
            #expect(try server.admin { try $0.creditSettings() }.publicGrade == false)
            let province = try server.adminToken()
            let changed = try await server.send(.put, "/v1/admin/credit/settings", body: #"{"publicGrade":true}"#, secret: province)
            #expect(try changed.decoded(CreditSettings.self).publicGrade == true)
            let read = try await server.send(.get, "/v1/admin/credit/settings", secret: node)
            #expect(try read.decoded(CreditSettings.self).publicGrade == true)
            let records = try server.admin { try $0.auditRecords(action: "credit.settings") }.map(\.event)
            // The node admin's refused attempt is recorded too, under the route, before it named a target.
            #expect(records.map(\.target).last == "public_grade=on")
            #expect(records.map(\.outcome).last == .success)
        }
    }

    /// The grade on the consumer's page: absent by default, shown once switched on, gone again once off; the score
    /// and the inputs never.
    @Test func thePublicPageShowsTheSellersGradeOnlyWhileTheProvinceSwitchesItOn() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let code = try sold.batchCode
            let before = try await server.send(.get, "/t/\(code)")
            #expect(before.status == .ok)
            #expect(!before.text.contains("信用等级"))
            try server.admin { try $0.setCreditSettings(CreditSettings(publicGrade: true)) }
            let on = try await server.send(.get, "/t/\(code)")
            #expect(on.text.contains("经营户信用等级：A 级（守信）"))
            #expect(on.text.contains("credit grade: A (trustworthy)"))
            for leak in ["信用分", "score", "oversold", "超卖", "missing_certificates"] {
                #expect(!on.text.contains(leak), "the public page shows \(leak)")
            }
            try server.admin { try $0.setCreditSettings(CreditSettings(publicGrade: false)) }
            #expect(!(try await server.send(.get, "/t/\(code)").text.contains("信用等级")))
        }
    }
}
