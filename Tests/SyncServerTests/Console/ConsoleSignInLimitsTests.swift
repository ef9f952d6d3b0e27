import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// The console's sign-in shares the API's login limits, and its cookies are `Secure` when the server runs TLS.
@Suite struct ConsoleSignInLimitsTests {
    @Test func failedAPILoginsUseUpTheConsolesBudgetForTheName() async throws {
        try await withServer(configure: { $0.loginRateLimitClock = { 1_000 }; $0.loginRateLimitPerName = 2 }) { server in
            try server.addUser("alice", role: .province)
            for _ in 0..<2 {
                let api = try await server.post("/v1/auth/login", LoginRequest(name: "alice", password: "wrong-password-1"))
                #expect(api.status == .unauthorized)
            }
            var browser = ConsoleBrowser(server: server)
            let token = try #require(ConsoleBrowser.csrf(in: try await browser.send(.get, "/console/login").text))
            let answer = try await browser.send(.post, "/console/login", form: ["csrf": token, "name": "alice", "password": ServerHarness.adminPassword])
            #expect(answer.status == .tooManyRequests)
            #expect(answer.headers[.retryAfter] != nil)
            #expect(answer.text.contains("登录"), "the form comes back with the refusal")
            #expect(browser.cookies["tracesync_console"] == nil)
        }
    }

    @Test func fiveWrongPasswordsInTheConsoleLockTheAccountForTheAPIToo() async throws {
        try await withServer(configure: { $0.loginRateLimitClock = { 1_000 } }) { server in
            try server.addUser("alice", role: .province)
            var browser = ConsoleBrowser(server: server)
            let token = try #require(ConsoleBrowser.csrf(in: try await browser.send(.get, "/console/login").text))
            for _ in 0..<AdminSessionPolicy.failuresBeforeLockout {
                _ = try await browser.send(.post, "/console/login", form: ["csrf": token, "name": "alice", "password": "wrong-password-1"])
            }
            let locked = try await browser.send(.post, "/console/login", form: ["csrf": token, "name": "alice", "password": ServerHarness.adminPassword])
            #expect(locked.status == .forbidden)
            #expect(locked.text.contains("锁定"))
            let api = try await server.post("/v1/auth/login", LoginRequest(name: "alice", password: ServerHarness.adminPassword))
            #expect(try api.apiError.code == "account_locked")
        }
    }

    @Test func underTLSTheConsolesCookiesAreSecure() async throws {
        try await withServer { server in
            try server.addUser("alice", role: .province)
            let router = Router(context: SyncRequestContext.self)
            let limiter = LoginRateLimiter(perAddress: 30, perName: 10)
            ConsoleRoutes.add(to: router, service: try CentralService(path: server.databasePath), limiter: limiter, secure: true)
            try await Application(router: router).test(.router) { client in
                let form = try await client.execute(uri: "/console/login", method: .get)
                let formCookie = try #require(form.headers[values: .setCookie].first)
                #expect(formCookie.contains("Secure") && formCookie.contains("HttpOnly") && formCookie.contains("SameSite=Strict"))
                let value = try #require(formCookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))
                let login = try await client.execute(
                    uri: "/console/login", method: .post,
                    headers: [.cookie: "tracesync_console_form=\(value)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "csrf=\(value)&name=alice&password=\(ServerHarness.adminPassword)")
                )
                #expect(login.status == .seeOther)
                let session = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("tracesync_console=") })
                #expect(session.contains("Secure") && session.contains("Path=/console"))
            }
        }
    }
}
