import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// The console's sign-in, session cookie, CSRF tokens, security headers and first password.
@Suite struct ConsoleSignInTests {
    @Test func aPageWithoutASessionSendsTheBrowserToSignIn() async throws {
        try await withServer { server in
            var browser = ConsoleBrowser(server: server)
            let response = try await browser.send(.get, "/console")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console/login")
        }
    }

    @Test func everyConsolePageCarriesAStrictContentSecurityPolicy() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let login = try await browser.send(.get, "/console/login")
            try await browser.signIn("alice")
            let overview = try await browser.send(.get, "/console")
            for page in [login, overview] {
                let policy = try #require(page.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("style-src 'sha256-"))
                #expect(policy.contains("img-src 'self' data:"))
                #expect(policy.contains("form-action 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(!page.text.contains("<script"))
            }
        }
    }

    @Test func signingInSetsAStrictHttpOnlySessionCookieAndShowsTheAdmin() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let form = try await browser.send(.get, "/console/login")
            let token = try #require(ConsoleBrowser.csrf(in: form.text))
            let answer = try await browser.send(.post, "/console/login", form: ["csrf": token, "name": "alice", "password": ServerHarness.adminPassword])
            #expect(answer.status == .seeOther)
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("tracesync_console=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/console"))
            #expect(!cookie.contains("Secure"), "no Secure without TLS, or the browser would drop it on http://")
            let overview = try await browser.send(.get, "/console")
            #expect(overview.status == .ok)
            #expect(overview.text.contains("alice"))
        }
    }

    @Test func aWrongPasswordIsRefusedWithTheAPIsStatusInBothLanguages() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let token = try #require(ConsoleBrowser.csrf(in: try await browser.send(.get, "/console/login").text))
            let answer = try await browser.send(.post, "/console/login", form: ["csrf": token, "name": "alice", "password": "wrong-password-1"])
            #expect(answer.status == .unauthorized)
            #expect(answer.text.contains("用户名或密码"))
            #expect(browser.cookies["tracesync_console"] == nil)
        }
    }

    @Test func aFormPostedWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("alice")
            let refused = try await browser.send(.post, "/console/logout", form: [:])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("安全令牌"))
            #expect(refused.text.contains("security token"))
            #expect(try await browser.send(.get, "/console").status == .ok, "the session is still live")
            let forged = try await browser.send(.post, "/console/logout", form: ["csrf": String(repeating: "0", count: 64)])
            #expect(forged.status == .forbidden)
        }
    }

    @Test func theSignInFormItselfNeedsItsToken() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            _ = try await browser.send(.get, "/console/login")
            let answer = try await browser.send(.post, "/console/login", form: ["name": "alice", "password": ServerHarness.adminPassword])
            #expect(answer.status == .forbidden)
            #expect(browser.cookies["tracesync_console"] == nil)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("alice")
            let stale = browser.cookies
            let answer = try await browser.send(.post, "/console/logout", form: ["csrf": csrf])
            #expect(answer.status == .seeOther)
            #expect(browser.cookies["tracesync_console"] == nil)
            browser.cookies = stale
            let after = try await browser.send(.get, "/console")
            #expect(after.status == .seeOther, "the old cookie no longer opens a page")
        }
    }

    @Test func theFirstPasswordIsSetWithTheBootstrapTokenThenAdminSignsIn() async throws {
        try await withServer { server in
            let bootstrap = try #require(try server.admin { try $0.ensureBootstrapAdminToken() })
            var browser = ConsoleBrowser(server: server)
            let token = try #require(ConsoleBrowser.csrf(in: try await browser.send(.get, "/console/password").text))
            let mismatch = try await browser.send(.post, "/console/password", form: [
                "csrf": token, "bootstrapToken": bootstrap, "newPassword": "Haikou-Mango-2026", "repeatPassword": "other",
            ])
            #expect(mismatch.status == .badRequest)
            let set = try await browser.send(.post, "/console/password", form: [
                "csrf": token, "bootstrapToken": bootstrap, "newPassword": "Haikou-Mango-2026", "repeatPassword": "Haikou-Mango-2026",
            ])
            #expect(set.status == .seeOther)
            #expect(set.headers[.location] == "/console/login?password=set")
            try await browser.signIn(CentralStore.bootstrapAdminName)
        }
    }

    @Test func signingInIsAuditedAsTheAPIsLogin() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("alice")
            let records = try server.admin { try $0.auditRecords(actor: "user:alice", action: "auth.login") }
            #expect(records.contains { $0.event.outcome == .success && ($0.event.target ?? "").contains("/console/login") })
        }
    }
}
