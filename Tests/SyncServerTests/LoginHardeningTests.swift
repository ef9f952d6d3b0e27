import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Logins cannot be used to tell which names exist, are limited per client address and per name, and check
/// passwords off the store's thread. Each login here costs a real PBKDF2 (about a quarter second), so they are few.
@Suite struct LoginHardeningTests {
    static let wrong = "Wrong-Password-99"

    /// A login clock that never moves, so no bucket refills during a slow run.
    static let frozen: @Sendable () -> Double = { 0 }

    static func login(_ server: ServerHarness, _ name: String, _ password: String = wrong) async throws -> TestResponse {
        try await server.post("/v1/auth/login", ["name": name, "password": password])
    }

    /// The answer's status, `Retry-After` and error body, with the lock's end time masked: two locks made a moment
    /// apart may fall in different minutes.
    static func comparable(_ response: TestResponse) throws -> String {
        let error = try response.apiError
        let answer = "\(response.status.code) Retry-After: \(response.headers[.retryAfter] ?? "-") \(error.code) "
            + "\(error.field ?? "-") \(error.message.zh) \(error.message.en)"
        return answer.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, with: "<time>", options: .regularExpression)
    }

    @Test func aKnownAndAnUnknownNameGetTheSameAnswersLockAndLimit() async throws {
        try await withServer(configure: { $0.loginRateLimitClock = Self.frozen }) { server in
            try server.admin { _ = try $0.addAdminUser(name: "lin", role: .auditor, nodes: [], password: ServerHarness.adminPassword) }
            var statuses: [Int] = []
            for attempt in 1...11 {
                let known = try await Self.login(server, "lin")
                let unknown = try await Self.login(server, "ghost")
                #expect(try Self.comparable(known) == Self.comparable(unknown), "attempt \(attempt)")
                statuses.append(Int(known.status.code))
            }
            #expect(statuses == [401, 401, 401, 401] + Array(repeating: 403, count: 6) + [429],
                    "four countdowns, the fifth failure locks, the eleventh try in a minute is over the per-name limit")
            let limited = try await Self.login(server, "ghost")
            #expect(try limited.apiError.code == "rate_limited")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let ghost = try server.admin { try $0.auditRecords(actor: "user:ghost", action: "auth.login") }
            #expect(ghost.count == 12 && ghost.allSatisfy { $0.event.outcome == .refused })
        }
    }

    @Test func onePasswordCheckPastTheAddressLimitIsRefusedWith429() async throws {
        try await withServer(configure: { $0.loginRateLimitClock = Self.frozen; $0.loginRateLimitPerAddress = 3 }) { server in
            for name in ["wang", "chen", "zhou"] {
                #expect(try await Self.login(server, name).status == .unauthorized)
            }
            let refused = try await Self.login(server, "li")
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.apiError.code == "rate_limited")
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let change = try await server.post(
                "/v1/auth/password", ["name": "wang", "oldPassword": Self.wrong, "newPassword": "Lychee-Harvest-2027"]
            )
            #expect(change.status == .tooManyRequests, "a password change checks a password too")
        }
    }

    @Test func theStoreAnswersWhilePasswordsAreCheckedOrHashed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("LoginHardening-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("central.sqlite").path
        let setUp = try CentralStore(path: path)
        let bootstrap = try #require(try setUp.ensureBootstrapAdminToken())
        try setUp.addAdminUser(name: "lin", role: .auditor, nodes: [], password: ServerHarness.adminPassword)
        let service = try CentralService(path: path, passwords: PasswordPool(threads: 1, maxWaiting: 8))
        let finished = FinishOrder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 1...2 {
                group.addTask {
                    _ = try await service.login(name: "lin", password: ServerHarness.adminPassword)
                    finished.append("login \(number)")
                }
            }
            group.addTask {
                _ = try await service.addAdminUser(name: "wang", role: .auditor, nodes: [], password: "Lychee-Harvest-2027")
                finished.append("user added")
            }
            group.addTask {
                _ = try await service.setPassword(bootstrapToken: bootstrap, to: "Coconut-Grove-2027")
                finished.append("first password set")
            }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await service.integrityCheck(quick: true)
            finished.append("store")
            try await group.waitForAll()
        }
        #expect(finished.names.first == "store",
                "the store served a request while two logins, a new user and a first password were hashing: \(finished.names)")
        #expect(finished.names.count == 5)
    }
}

/// The order concurrent tasks finished in.
final class FinishOrder: @unchecked Sendable {
    // @unchecked Sendable: `storedNames` is only touched with `lock` held.
    private let lock = NSLock()
    private var storedNames: [String] = []

    func append(_ name: String) { lock.withLock { storedNames.append(name) } }
    var names: [String] { lock.withLock { storedNames } }
}
