import Foundation
import SyncCore
import TestSupport
import CentralCore
import CentralSQLite
import CentralPostgres

/// What the contract tests do with one server's store, the same on every backend: set up a node, push, pull, read
/// devices and conflicts, verify the journals. SQLite's `CentralStore` has it as it is; PostgreSQL's store is built
/// on the ports (`PushLedger` with `PushCoordinator`, `PullLog`, `DeviceRegistry`).
protocol ContractStore: AnyObject {
    func addNode(_ node: Node) throws
    func upsert(_ registered: Operator) throws
    /// Enrolls a device of `node`; returns its id.
    func enrollDevice(node: String, name: String, now: Int64) throws -> String
    func device(_ id: String) throws -> DeviceRecord
    func push(device: DeviceRecord, entries: [JournalEntry]) throws -> PushResponse
    func pull(device: DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage
    func conflicts(status: ConflictStatus?, kind: ConflictKind?, node: String?) throws -> [ConflictRecord]
    /// The checks of the journals (and, where the backend has them, of the rest of the store).
    func verifyStore() throws -> [StoreCheck]
}

extension CentralStore: ContractStore {
    func enrollDevice(node: String, name: String, now: Int64) throws -> String {
        let code = try issueEnrollCode(node: node, expiresAt: now + MergeSamples.day)
        return try enroll(EnrollRequest(code: code, deviceName: name)).deviceId
    }
}

extension PostgresCentralStore: ContractStore {
    func enrollDevice(node: String, name: String, now: Int64) throws -> String {
        try enrollDevice(node: node, name: name).device.id
    }

    func verifyStore() throws -> [StoreCheck] { try verifyJournals() }
}

/// The PostgreSQL cluster the tests run against: `TRACESYNC_TEST_POSTGRES_URL` (`scripts/test-postgres.sh` sets it),
/// each test in a database of its own, created and dropped.
enum TestPostgres {
    /// The cluster's URL, or nil when none is configured.
    static var url: String? {
        ProcessInfo.processInfo.environment["TRACESYNC_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True under CI, where a missing cluster fails the PostgreSQL tests instead of skipping them.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// The failure of a PostgreSQL test run without a cluster under CI.
    static let missing = TraceSyncError(
        .internalError, field: "TRACESYNC_TEST_POSTGRES_URL",
        zh: "CI 下必须测试 PostgreSQL 后端，但没有设置 TRACESYNC_TEST_POSTGRES_URL：请用 scripts/test-postgres.sh 运行测试。",
        en: "CI must test the PostgreSQL backend but TRACESYNC_TEST_POSTGRES_URL is not set: run the tests through scripts/test-postgres.sh."
    )

    /// Says once, on the console, that the PostgreSQL tests are skipped.
    static let announceSkip: Void = {
        FileHandle.standardError.write(Data(
            "⚠️ TRACESYNC_TEST_POSTGRES_URL is not set: the PostgreSQL backend tests are SKIPPED (scripts/test-postgres.sh runs them)\n".utf8
        ))
    }()

    /// The data key of every PostgreSQL store the tests open.
    static let dataKey = DataKey.random()

    /// Creates an empty database on the cluster; returns its URL.
    static func createDatabase() throws -> String {
        guard let url else { throw missing }
        let name = "tracesync_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresSession.connect(url: url)
        defer { admin.close() }
        try admin.query("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: url) else { throw missing }
        components.path = "/" + name
        return components.string!
    }

    /// Drops the database at `databaseURL` (and ends the connections still on it).
    static func dropDatabase(_ databaseURL: String) {
        guard let url, let name = URLComponents(string: databaseURL)?.path.dropFirst(),
              name.hasPrefix("tracesync_test_"), let admin = try? PostgresSession.connect(url: url) else { return }
        defer { admin.close() }
        _ = try? admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
