import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `POST /v1/auth/login`, `/logout` and `/password`, the province admins' user routes, and the bootstrap admin who
/// must set a password first.
@Suite struct AuthRouteTests {
    static let password = ServerHarness.adminPassword

    static func login(_ server: ServerHarness, _ name: String, _ password: String = password) async throws -> TestResponse {
        try await server.post("/v1/auth/login", ["name": name, "password": password])
    }

    @Test func aLoginAnswersWithASessionTokenAndWhatItAllows() async throws {
        try await withServer { server in
            try server.admin { try $0.addAdminUser(name: "lin", role: .node, nodes: ["46010001"], password: Self.password) }
            let before = BusinessTime.now()
            let response = try await Self.login(server, "lin")
            #expect(response.status == .ok, "\(response.text)")
            let login = try response.decoded(LoginResponse.self)
            #expect(login.role == .node && login.nodes == ["46010001"] && login.name == "lin")
            #expect(login.idleTimeoutSeconds == 1800)
            #expect(login.expiresAt >= before + 8 * 3_600_000 && login.expiresAt <= BusinessTime.now() + 8 * 3_600_000)
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: login.token).status == .ok)
        }
    }

    @Test func fiveWrongPasswordsLockTheAccountAndTheRefusalSaysUntilWhen() async throws {
        try await withServer { server in
            try server.admin { try $0.addAdminUser(name: "lin", role: .auditor, nodes: [], password: Self.password) }
            for _ in 0..<4 {
                let wrong = try await Self.login(server, "lin", "Wrong-Password-99")
                #expect(wrong.status == .unauthorized)
                #expect(try wrong.apiError.code == "login_failed")
            }
            let locked = try await Self.login(server, "lin", "Wrong-Password-99")
            #expect(locked.status == .forbidden)
            let error = try locked.apiError
            #expect(error.code == "account_locked")
            #expect(error.message.zh.contains("锁定至") && error.message.en.contains("locked until"))
            let right = try await Self.login(server, "lin")
            #expect(right.status == .forbidden, "a locked account refuses even the right password")
            let refusals = try server.admin { try $0.auditRecords(actor: "user:lin", action: "auth.login") }
            #expect(refusals.count == 6, "each failed login is audited under the name tried")
            #expect(refusals.allSatisfy { $0.event.outcome == .refused })

            try server.admin { store in
                try store.database.run("UPDATE admin_users SET locked_until = ? WHERE name = 'lin'", BusinessTime.now() - 1)
            }
            #expect(try await Self.login(server, "lin").status == .ok, "the lock ends when its time is up")
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let out = try await server.send(.post, "/v1/auth/logout", secret: token)
            #expect(out.status == .noContent)
            let after = try await server.send(.get, "/v1/admin/conflicts", secret: token)
            #expect(after.status == .unauthorized)
            #expect(try after.apiError.code == "session_expired")
            #expect(try await server.send(.post, "/v1/auth/logout", secret: token).status == .unauthorized)
            #expect(try await server.send(.post, "/v1/auth/logout").status == .unauthorized)
        }
    }

    @Test func aSessionUnusedForThirtyMinutesIsRefusedWith401() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            try server.admin { store in
                try store.database.run("UPDATE admin_sessions SET last_used_at = ?", BusinessTime.now() - 31 * 60_000)
            }
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: token)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            let error = try response.apiError
            #expect(error.code == "session_expired")
            #expect(error.message.zh.contains("30 分钟") && error.message.en.contains("log in again"))
        }
    }

    @Test func theBootstrapTokenOnlySetsAdminsPasswordThenIsVoid() async throws {
        try await withServer { server in
            let bootstrap = try #require(try server.admin { try $0.ensureBootstrapAdminToken() })
            let before = try await server.send(.get, "/v1/admin/conflicts", secret: bootstrap)
            #expect(before.status == .forbidden)
            let error = try before.apiError
            #expect(error.code == "password_change_required")
            #expect(error.message.zh.contains("/v1/auth/password") && error.message.en.contains("bootstrapToken"))
            #expect(try await Self.login(server, "admin").status == .forbidden)

            let weak = try await server.post("/v1/auth/password", ["bootstrapToken": bootstrap, "newPassword": "admin-2026"])
            #expect(weak.status == .badRequest)
            #expect(try weak.apiError.code == "weak_password")
            let set = try await server.post("/v1/auth/password", ["bootstrapToken": bootstrap, "newPassword": Self.password])
            #expect(set.status == .noContent, "\(set.text)")

            let again = try await server.post("/v1/auth/password", ["bootstrapToken": bootstrap, "newPassword": "Another-Pass-2027"])
            #expect(again.status == .unauthorized)
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: bootstrap).status == .unauthorized)
            let login = try await Self.login(server, "admin")
            #expect(login.status == .ok)
            #expect(try login.decoded(LoginResponse.self).role == .province)
        }
    }

    @Test func changingTheOwnPasswordNeedsTheOldOneAndEndsTheSessions() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let wrong = try await server.post("/v1/auth/password",
                                              ["name": "province", "oldPassword": "Not-The-Password-1", "newPassword": "Lychee-Harvest-2027"])
            #expect(wrong.status == .unauthorized)
            let neither = try await server.post("/v1/auth/password", ["newPassword": "Lychee-Harvest-2027"])
            #expect(neither.status == .badRequest)
            let changed = try await server.post("/v1/auth/password",
                                                ["name": "province", "oldPassword": Self.password, "newPassword": "Lychee-Harvest-2027"])
            #expect(changed.status == .noContent, "\(changed.text)")
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: token).status == .unauthorized)
            #expect(try await Self.login(server, "province", "Lychee-Harvest-2027").status == .ok)
        }
    }

    @Test func aProvinceAdminAddsListsAndDisablesUsers() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let body = #"{"name":"lin","role":"node","nodes":["46010001"],"password":"Lychee-Harvest-2027"}"#
            let added = try await server.send(.post, "/v1/admin/users", body: body, secret: token)
            #expect(added.status == .created, "\(added.text)")
            #expect(try added.decoded(AdminUser.self).nodes == ["46010001"])
            #expect(try await server.send(.post, "/v1/admin/users", body: body, secret: token).status == .conflict)
            let weak = try await server.send(.post, "/v1/admin/users",
                                             body: #"{"name":"zhao","role":"auditor","password":"zhao"}"#, secret: token)
            #expect(try weak.apiError.code == "weak_password")

            let linToken = try await Self.login(server, "lin", "Lychee-Harvest-2027").decoded(LoginResponse.self).token
            let listed = try await server.send(.get, "/v1/admin/users", secret: token)
            #expect(try listed.decoded([AdminUser].self).map(\.name) == ["lin", "province"])
            #expect(!listed.text.contains("pbkdf2") && !listed.text.contains("Lychee"))
            let notProvince = try await server.send(.get, "/v1/admin/users", secret: linToken)
            #expect(notProvince.status == .forbidden)
            #expect(try notProvince.apiError.message.zh.contains("需要省级管理员"))

            let disabled = try await server.send(.post, "/v1/admin/users/lin/disable", secret: token)
            #expect(disabled.status == .ok)
            #expect(try disabled.decoded(AdminUser.self).disabledAt != nil)
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: linToken).status == .unauthorized)
            let refused = try await Self.login(server, "lin", "Lychee-Harvest-2027")
            #expect(refused.status == .forbidden)
            #expect(try refused.apiError.code == "account_disabled")
            #expect(try await server.send(.post, "/v1/admin/users/nobody/disable", secret: token).status == .notFound)
        }
    }
}
