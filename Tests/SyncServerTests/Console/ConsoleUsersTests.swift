import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The console's users page: a province admin adds, disables and resets the password of admin users, each audited
/// as its API or command twin; no one else may open it or post to it.
@Suite struct ConsoleUsersTests {
    static let newPassword = "Harbour-Lantern-9924"

    private func actions(_ server: ServerHarness, _ action: String) throws -> [AuditEvent] {
        try server.admin { try $0.auditRecords(action: action) }.map(\.event)
    }

    @Test func aProvinceAdminAddsAUserWhoCanThenSignIn() async throws {
        try await withServer { server in
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("li.province")
            let added = try await browser.send(.post, "/console/users", form: [
                "csrf": csrf, "name": "wang.own", "role": "node", "nodes": "46010001, 46010002", "password": Self.newPassword,
            ])
            #expect(added.status == .seeOther)
            let page = try await browser.send(.get, "/console/users?done=added")
            #expect(page.text.contains("已添加用户") && page.text.contains("wang.own") && page.text.contains("46010001, 46010002"))
            let user = try server.admin { try $0.adminUser("wang.own") }
            #expect(user.role == .node && user.nodes == ["46010001", "46010002"])
            #expect(try actions(server, "user.add").map(\.target) == ["wang.own"])
            var newcomer = ConsoleBrowser(server: server)
            try await newcomer.signIn("wang.own", password: Self.newPassword)
        }
    }

    @Test func aWeakPasswordOrAMissingRoleIsRefusedAndAddsNobody() async throws {
        try await withServer { server in
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("li.province")
            let weak = try await browser.send(.post, "/console/users", form: ["csrf": csrf, "name": "wang.own", "role": "auditor", "password": "short"])
            #expect(weak.status == .badRequest)
            let noRole = try await browser.send(.post, "/console/users", form: ["csrf": csrf, "name": "wang.own", "password": Self.newPassword])
            #expect(noRole.status == .badRequest && noRole.text.contains("角色"))
            #expect(try !server.admin { try $0.adminUsers() }.contains { $0.name == "wang.own" })
        }
    }

    @Test func disablingAUserEndsTheirSessionAndIsAuditedAsUserDisable() async throws {
        try await withServer { server in
            try server.addUser("li.province", role: .province)
            try server.addUser("qian.audit", role: .auditor)
            var auditor = ConsoleBrowser(server: server)
            try await auditor.signIn("qian.audit")
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("li.province")
            #expect(try await browser.send(.post, "/console/users/qian.audit/disable", form: ["csrf": csrf]).status == .seeOther)
            #expect(try server.admin { try $0.adminUser("qian.audit") }.disabledAt != nil)
            #expect(try await auditor.send(.get, "/console").status == .seeOther, "their console session has ended")
            let records = try actions(server, "user.disable")
            #expect(records.map(\.actor) == ["user:li.province"] && records.map(\.target) == ["qian.audit"])
        }
    }

    @Test func resettingAPasswordLetsTheUserSignInWithItAndIsAuditedAsUserPasswd() async throws {
        try await withServer { server in
            try server.addUser("li.province", role: .province)
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("li.province")
            let weak = try await browser.send(.post, "/console/users/qian.audit/password", form: ["csrf": csrf, "password": "short"])
            #expect(weak.status == .badRequest)
            let reset = try await browser.send(.post, "/console/users/qian.audit/password", form: ["csrf": csrf, "password": Self.newPassword])
            #expect(reset.status == .seeOther)
            var auditor = ConsoleBrowser(server: server)
            try await auditor.signIn("qian.audit", password: Self.newPassword)
            let records = try actions(server, "user.passwd")
            #expect(records.map(\.outcome) == [.failure, .success] && Set(records.compactMap(\.target)) == ["qian.audit"])
            #expect(!records.contains { ($0.detail ?? "").contains(Self.newPassword) }, "a password is never audited")
        }
    }

    @Test(arguments: [(AdminRole.node, ["46010001"]), (.auditor, [])])
    func anyoneButAProvinceAdminIsRefusedThePageAndEveryAction(role: AdminRole, nodes: [String]) async throws {
        try await withServer { server in
            try server.addUser("wang.li", role: role, nodes: nodes)
            try server.addUser("qian.other", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("wang.li")
            #expect(try await browser.send(.get, "/console/users").status == .forbidden)
            let add = try await browser.send(.post, "/console/users", form: ["csrf": csrf, "name": "zhao.new", "role": "province", "password": Self.newPassword])
            #expect(add.status == .forbidden)
            #expect(try await browser.send(.post, "/console/users/qian.other/disable", form: ["csrf": csrf]).status == .forbidden)
            #expect(try await browser.send(.post, "/console/users/qian.other/password", form: ["csrf": csrf, "password": Self.newPassword]).status == .forbidden)
            let users = try server.admin { try $0.adminUsers() }
            #expect(!users.contains { $0.name == "zhao.new" })
            #expect(users.first { $0.name == "qian.other" }?.disabledAt == nil)
            var anonymous = ConsoleBrowser(server: server)
            #expect(try await anonymous.send(.get, "/console/users").status == .seeOther)
            #expect(try await anonymous.send(.post, "/console/users/qian.other/disable", form: [:]).status == .unauthorized)
        }
    }
}
