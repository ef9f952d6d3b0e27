import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import TestSupport
import Testing

/// `sync-server admin user add|list|disable|passwd`, run as the real binary with the password on standard input.
@Suite struct AdminUserCommandTests {
    static let password = "Lychee-Harvest-2027"

    /// Runs `sync-server ARGUMENTS --db DB` with `input` on standard input, as the operator `ops-wang`.
    static func run(_ arguments: [String], db: String, input: String = "") async throws -> ProcessResult {
        try await ProcessRun.run(ServeProcessTests.binary, arguments + ["--db", db],
                                 in: URL(fileURLWithPath: db).deletingLastPathComponent(),
                                 environment: ["USER": "ops-wang"], input: input)
    }

    /// A store with the demo markets in a temporary directory, removed afterwards.
    static func withStore(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerUsers-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("central.sqlite").path
        _ = try DemoMarkets.seed(into: try CentralStore(path: db), now: BusinessTime.now())
        try await body(db)
    }

    @Test func usersAreAddedListedGivenAPasswordAndDisabledWithoutThePasswordEverShowing() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServeProcessTests.binary.path), "build sync-server first")
        try await Self.withStore { db in
            let added = try await Self.run(["admin", "user", "add", "lin", "--role", "node", "--node", "46010001"], db: db,
                                     input: Self.password + "\n")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.hasPrefix("已添加用户 / user added: lin（节点管理员 / node admin）"))
            _ = try await Self.run(["admin", "user", "add", "gao", "--role", "province"], db: db, input: Self.password + "\n")

            let listed = try await Self.run(["admin", "user", "list", "--json"], db: db)
            let users = try JSONDecoder().decode([AdminUser].self, from: Data(listed.stdout.utf8))
            #expect(users.map(\.name) == ["gao", "lin"])
            #expect(users.last?.nodes == ["46010001"])
            let table = try await Self.run(["admin", "user", "list"], db: db)
            #expect(table.stdout.hasPrefix("用户 user\t角色 role"))
            #expect(table.stdout.contains("lin\tnode\t46010001\t正常 active"))

            let passwd = try await Self.run(["admin", "user", "passwd", "lin"], db: db, input: "Mango-Season-2028\n")
            #expect(passwd.status == 0, "\(passwd.stderr)")
            let store = try CentralStore(path: db)
            #expect(try store.login(name: "lin", password: "Mango-Season-2028").principal.nodes == ["46010001"])

            let disabled = try await Self.run(["admin", "user", "disable", "lin"], db: db)
            #expect(disabled.status == 0)
            #expect(try store.adminUser("lin").disabledAt != nil)

            for finished in [added, listed, table, passwd, disabled] {
                #expect(!finished.stdout.contains(Self.password) && !finished.stderr.contains(Self.password))
                #expect(!finished.stdout.contains("Mango-Season") && !finished.stdout.contains("pbkdf2"))
            }
            let records = try store.auditRecords(actor: "cli:ops-wang", action: "user")
            #expect(records.map(\.event.action) == ["user.add", "user.add", "user.passwd", "user.disable"])
            #expect(records.allSatisfy { $0.event.outcome == .success && $0.event.source == "cli" })
            #expect(records.first?.event.target == "lin")
        }
    }

    @Test func aWeakOrMissingPasswordIsRefusedAndNothingIsAdded() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServeProcessTests.binary.path), "build sync-server first")
        try await Self.withStore { db in
            let weak = try await Self.run(["admin", "user", "add", "lin", "--role", "auditor"], db: db, input: "lin12345\n")
            #expect(weak.status == 1)
            #expect(weak.stderr.contains("weak_password") && weak.stderr.contains("密码太短") && weak.stderr.contains("too short"))
            let missing = try await Self.run(["admin", "user", "add", "lin", "--role", "auditor"], db: db)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("missing_password"))
            let noNode = try await Self.run(["admin", "user", "add", "lin", "--role", "node"], db: db, input: Self.password + "\n")
            #expect(noNode.stderr.contains("--node"))
            let store = try CentralStore(path: db)
            #expect(try store.adminUsers().isEmpty)
            let failures = try store.auditRecords(actor: "cli:ops-wang")
            #expect(failures.map(\.event.outcome) == [.failure, .failure])
        }
    }

    @Test func anUnknownRoleIsAUsageErrorNamingTheRoles() async throws {
        do {
            _ = try SyncServerCommand.parseAsRoot(["admin", "user", "add", "lin", "--role", "boss"])
            Issue.record("the role boss was accepted")
        } catch {
            let message = SyncServerCommand.message(for: error)
            #expect(message.contains("province") && message.contains("node") && message.contains("auditor"), "\(message)")
            #expect(SyncServerCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
