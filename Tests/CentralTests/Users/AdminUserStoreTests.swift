import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// Admin users in the store: passwords, lockout, sessions and the bootstrap admin, with the clock moved by hand.
@Suite struct AdminUserStoreTests {
    typealias S = MergeSamples
    static let password = "Kiwi-harvest-2026"
    static let minute: Int64 = 60_000

    /// Runs `body` with a harness holding the province admin `wang` and the node admin `li` of 46010001.
    static func withUsers(_ body: (CentralHarness) throws -> Void) throws {
        try CentralHarness.with { harness in
            try harness.store.addAdminUser(name: "wang", role: .province, nodes: [], password: password)
            try harness.store.addAdminUser(name: "li", role: .node, nodes: [S.node], password: password)
            try body(harness)
        }
    }

    static func refusal(_ code: String, _ body: () throws -> Void) -> TraceSyncError? {
        do {
            try body()
            Issue.record("expected the refusal \(code)")
            return nil
        } catch let error as TraceSyncError {
            #expect(error.code.rawValue == code)
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func passwordsAreStoredAsSaltedSlowHashesWithTheirParameters() throws {
        try Self.withUsers { harness in
            let rows = try harness.store.database.query("SELECT password_hash FROM admin_users ORDER BY name")
            let stored = rows.compactMap { $0.string("password_hash") }
            #expect(stored.count == 2)
            for text in stored {
                #expect(text.hasPrefix("pbkdf2-sha256$600000$"))
                #expect(!text.contains(Self.password))
            }
            #expect(stored[0] != stored[1], "the same password under two salts must hash differently")
            let hash = try #require(PasswordHash(stored: stored[0]))
            #expect(try hash.matches(Self.password))
            #expect(try !hash.matches(Self.password + "x"))
        }
    }

    @Test func aLoginStoresAStrongerHashWhenTheRoundsWereRaised() throws {
        try Self.withUsers { harness in
            let old = try PasswordHash(password: Self.password, salt: Array(repeating: 7, count: 16), rounds: 1_000).stored
            try harness.store.database.run("UPDATE admin_users SET password_hash = ? WHERE name = 'wang'", old)
            _ = try harness.store.login(name: "wang", password: Self.password)
            let row = try harness.store.database.row("SELECT password_hash FROM admin_users WHERE name = 'wang'")
            let hash = try #require(row?.string("password_hash").flatMap(PasswordHash.init(stored:)))
            #expect(hash.rounds == PasswordHash.currentRounds)
            #expect(try hash.matches(Self.password))
        }
    }

    @Test(arguments: [
        ("short-1A", "太短"), ("alllowercaseletters", "太简单"), ("Wang-Orchard-2026", "用户名"),
    ])
    func weakPasswordsAreRefusedSayingWhy(password: String, reason: String) throws {
        try CentralHarness.with { harness in
            let error = Self.refusal("weak_password") {
                try harness.store.addAdminUser(name: "wang", role: .province, nodes: [], password: password)
            }
            #expect(error?.message.zh.contains(reason) == true, "\(String(describing: error))")
            #expect(error?.message.en.isEmpty == false)
            let users = try harness.store.adminUsers()
            #expect(users.isEmpty)
        }
    }

    @Test func aNodeAdminNeedsKnownNodesAndTheOtherRolesNone() throws {
        try CentralHarness.with { harness in
            _ = Self.refusal("bad_nodes") { try harness.store.addAdminUser(name: "li", role: .node, nodes: [], password: Self.password) }
            _ = Self.refusal("bad_nodes") {
                try harness.store.addAdminUser(name: "zhao", role: .auditor, nodes: [S.node], password: Self.password)
            }
            _ = Self.refusal("unknown_node") {
                try harness.store.addAdminUser(name: "li", role: .node, nodes: ["46999999"], password: Self.password)
            }
            _ = Self.refusal("bad_user_name") { try harness.store.addAdminUser(name: "Li Ming", role: .auditor, nodes: [], password: Self.password) }
            #expect(try harness.store.adminUsers().isEmpty)
            let li = try harness.store.addAdminUser(name: "li", role: .node, nodes: [S.node, S.node], password: Self.password)
            #expect(li.nodes == [S.node])
            _ = Self.refusal("user_exists") { try harness.store.addAdminUser(name: "li", role: .auditor, nodes: [], password: Self.password) }
        }
    }

    @Test func aLoginOpensASessionThatNamesTheUserAndTheirNodes() throws {
        try Self.withUsers { harness in
            let session = try harness.store.login(name: "li", password: Self.password)
            #expect(session.principal == AdminPrincipal(name: "li", role: .node, nodes: [S.node]))
            #expect(session.expiresAt == harness.now + 8 * 60 * Self.minute)
            #expect(session.idleTimeoutSeconds == 1800)
            #expect(try harness.store.authenticateSession(token: session.token)?.name == "li")
            #expect(try harness.store.authenticateSession(token: "no-such-token") == nil)
            let stored = try harness.store.database.scalar("SELECT count(*) FROM admin_sessions WHERE token_hash = ?", session.token)
            #expect(stored == 0, "the session token is stored only as its hash")
        }
    }

    @Test func fiveFailedLoginsLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws {
        try Self.withUsers { harness in
            for remaining in [4, 3, 2, 1] {
                let error = Self.refusal("login_failed") { _ = try harness.store.login(name: "wang", password: "Wrong-password-1") }
                #expect(error?.message.zh.contains("再错 \(remaining) 次") == true)
            }
            let locked = Self.refusal("account_locked") { _ = try harness.store.login(name: "wang", password: "Wrong-password-1") }
            let until = BusinessTime.display(harness.now + 15 * Self.minute)
            #expect(locked?.message.zh.contains(until) == true, "\(String(describing: locked))")
            #expect(locked?.message.en.contains(until) == true)

            harness.now += 14 * Self.minute
            _ = Self.refusal("account_locked") { _ = try harness.store.login(name: "wang", password: Self.password) }
            #expect(try harness.store.adminUser("wang").lockedUntil != nil)
            _ = try harness.store.login(name: "li", password: Self.password)

            harness.now += Self.minute + 1
            #expect(try harness.store.adminUser("wang").lockedUntil == nil)
            _ = try harness.store.login(name: "wang", password: Self.password)
        }
    }

    @Test func aSuccessfulLoginClearsTheFailures() throws {
        try Self.withUsers { harness in
            for _ in 0..<4 { _ = Self.refusal("login_failed") { _ = try harness.store.login(name: "wang", password: "Wrong-password-1") } }
            _ = try harness.store.login(name: "wang", password: Self.password)
            let error = Self.refusal("login_failed") { _ = try harness.store.login(name: "wang", password: "Wrong-password-1") }
            #expect(error?.message.zh.contains("再错 4 次") == true)
        }
    }

    @Test func anUnknownUserFailsLikeAWrongPassword() throws {
        try Self.withUsers { harness in
            let error = Self.refusal("login_failed") { _ = try harness.store.login(name: "nobody", password: Self.password) }
            #expect(error?.message.zh.contains("用户名或密码错误") == true)
        }
    }

    @Test func aSessionEndsAfterThirtyMinutesUnused() throws {
        try Self.withUsers { harness in
            let session = try harness.store.login(name: "wang", password: Self.password)
            harness.now += 29 * Self.minute
            #expect(try harness.store.authenticateSession(token: session.token) != nil)
            harness.now += 29 * Self.minute
            #expect(try harness.store.authenticateSession(token: session.token) != nil, "each use restarts the idle time")
            harness.now += 30 * Self.minute + 1
            let error = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: session.token) }
            #expect(error?.message.zh.contains("30 分钟") == true)
            harness.now -= 30 * Self.minute
            _ = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: session.token) }
        }
    }

    @Test func aSessionEndsEightHoursAfterLoginHoweverBusy() throws {
        try Self.withUsers { harness in
            let session = try harness.store.login(name: "wang", password: Self.password)
            for _ in 0..<16 {
                harness.now += 30 * Self.minute
                #expect(try harness.store.authenticateSession(token: session.token) != nil)
            }
            harness.now += 1
            let error = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: session.token) }
            #expect(error?.message.en.contains("8 hours") == true)
        }
    }

    @Test func logoutEndsOnlyThatSession() throws {
        try Self.withUsers { harness in
            let first = try harness.store.login(name: "wang", password: Self.password)
            let second = try harness.store.login(name: "wang", password: Self.password)
            #expect(try harness.store.logout(token: first.token) == "wang")
            _ = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: first.token) }
            _ = Self.refusal("session_expired") { try harness.store.logout(token: first.token) }
            #expect(try harness.store.authenticateSession(token: second.token)?.name == "wang")
        }
    }

    @Test func aDisabledUserCannotLogInAndTheirSessionsEnd() throws {
        try Self.withUsers { harness in
            let session = try harness.store.login(name: "li", password: Self.password)
            let disabled = try harness.store.disableAdminUser("li")
            #expect(disabled.disabledAt == harness.now)
            _ = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: session.token) }
            let error = Self.refusal("account_disabled") { _ = try harness.store.login(name: "li", password: Self.password) }
            #expect(error?.message.zh.contains("已停用") == true)
        }
    }

    @Test func theLastActiveProvinceAdminCannotBeDisabled() throws {
        try Self.withUsers { harness in
            _ = Self.refusal("last_province_admin") { try harness.store.disableAdminUser("wang") }
            #expect(try harness.store.adminUser("wang").disabledAt == nil)
            try harness.store.addAdminUser(name: "chen", role: .province, nodes: [], password: Self.password)
            try harness.store.disableAdminUser("wang")
        }
    }

    @Test func changingTheOwnPasswordNeedsTheOldOneAndEndsTheSessions() throws {
        try Self.withUsers { harness in
            let session = try harness.store.login(name: "wang", password: Self.password)
            _ = Self.refusal("login_failed") { try harness.store.changeAdminPassword("wang", old: "Not-the-password-1", new: "Mango-season-2027") }
            _ = Self.refusal("same_password") { try harness.store.changeAdminPassword("wang", old: Self.password, new: Self.password) }
            _ = Self.refusal("weak_password") { try harness.store.changeAdminPassword("wang", old: Self.password, new: "mango") }
            try harness.store.changeAdminPassword("wang", old: Self.password, new: "Mango-season-2027")
            _ = Self.refusal("session_expired") { _ = try harness.store.authenticateSession(token: session.token) }
            _ = Self.refusal("login_failed") { _ = try harness.store.login(name: "wang", password: Self.password) }
            _ = try harness.store.login(name: "wang", password: "Mango-season-2027")
        }
    }

    @Test func theBootstrapTokenOnlySetsTheFirstAdminsPasswordOnce() throws {
        try CentralHarness.with { harness in
            let token = try #require(try harness.store.ensureBootstrapAdminToken())
            #expect(try harness.store.ensureBootstrapAdminToken() == nil)
            let admin = try harness.store.adminUser("admin")
            #expect(admin.role == .province && admin.mustSetPassword)
            #expect(try harness.store.bootstrapUser(token: token) == "admin")
            let unset = Self.refusal("password_change_required") { _ = try harness.store.login(name: "admin", password: Self.password) }
            #expect(unset?.message.zh.contains("/v1/auth/password") == true)
            #expect(try harness.store.authenticateSession(token: token) == nil, "the bootstrap token is no session")

            _ = Self.refusal("weak_password") { try harness.store.setPassword(bootstrapToken: token, to: "short") }
            #expect(try harness.store.setPassword(bootstrapToken: token, to: Self.password) == "admin")
            #expect(try harness.store.bootstrapUser(token: token) == nil)
            _ = Self.refusal("unauthorized") { try harness.store.setPassword(bootstrapToken: token, to: "Another-password-9") }
            #expect(try harness.store.login(name: "admin", password: Self.password).principal.role == .province)
            #expect(try harness.store.ensureBootstrapAdminToken() == nil)
        }
    }

    @Test func aStoreWithAnOldBootstrapTokenGetsItsAdminUser() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("old.sqlite").path
            try CentralStore(path: path).database.execute("""
                DROP TABLE admin_sessions; DROP TABLE admin_users;
                DELETE FROM schema_migrations WHERE name = 'v3-admin-users';
                INSERT INTO admin_tokens (token_hash, name, created_at) VALUES ('\(Secrets.hash("old-token"))', 'bootstrap-admin', 5);
                """)
            let store = try CentralStore(path: path)
            #expect(try store.adminUser("admin").mustSetPassword)
            #expect(try store.bootstrapUser(token: "old-token") == "admin")
        }
    }
}
