import Foundation
import SyncCore
import TestSupport
import CentralCore
import CentralSQLite
import CentralPostgres

/// A central-store backend as the contract suite sees it: a way to open, on one database, the stores of several
/// servers, each owned by one thread as a server process owns its own.
///
/// A backend is done when every test of `BackendContractTests` passes with it (Fluent's shared benchmark for its
/// drivers is the model). SQLite is the first backend; PostgreSQL is added here.
struct ContractBackend: Sendable, CustomStringConvertible {
    let description: String
    /// Makes an empty database for one test in `directory`; returns where it is.
    let makeDatabase: @Sendable (_ directory: URL) throws -> String
    /// Opens one server's store on the database at `location` (made by `makeDatabase`), with the server's clock.
    let open: @Sendable (_ location: String, _ clock: Int64) throws -> any ContractStore
    /// Deletes the database at `location` once the test is done (a SQLite file goes with its directory).
    var dropDatabase: @Sendable (_ location: String) -> Void = { _ in }

    /// Every backend the contract runs against: SQLite, and PostgreSQL when `TRACESYNC_TEST_POSTGRES_URL` names a
    /// cluster — always under CI, where a missing URL makes the PostgreSQL cases fail rather than vanish.
    static let all: [ContractBackend] = {
        if TestPostgres.url != nil || TestPostgres.required { return [.sqlite, .postgres] }
        TestPostgres.announceSkip
        return [.sqlite]
    }()

    /// The embedded default: a SQLite file in WAL mode, one writer at a time across processes (`BEGIN IMMEDIATE`
    /// with a busy timeout), readers on their own snapshots.
    static let sqlite = ContractBackend(description: "SQLite", makeDatabase: { directory in
        directory.appendingPathComponent("central.sqlite").path
    }, open: { location, clock in
        let store = try CentralStore(path: location)
        store.clock = { clock }
        return store
    })

    /// PostgreSQL: a database of its own per test on the test cluster, each server's store one connection, writes
    /// serialised by advisory locks, the pull cursor bounded by the snapshot's oldest running transaction.
    static let postgres = ContractBackend(description: "PostgreSQL", makeDatabase: { _ in
        try TestPostgres.createDatabase()
    }, open: { location, clock in
        let store = try PostgresCentralStore(url: location, dataKey: TestPostgres.dataKey)
        store.clock = { clock }
        return store
    }, dropDatabase: { TestPostgres.dropDatabase($0) })
}

/// One database for a contract test: node 46010001 with the operators of `MergeSamples` and enrolled devices.
struct ContractDatabase {
    typealias S = MergeSamples

    let backend: ContractBackend
    let location: String
    /// The server clock every store of the test reads: an hour after the samples' market morning.
    let now = S.receivedAt

    /// Makes the database with `devices` enrolled devices of node 46010001 and returns their empty journals.
    static func make(_ backend: ContractBackend, in directory: URL, devices: Int) throws -> (ContractDatabase, [HandJournal]) {
        let database = ContractDatabase(backend: backend, location: try backend.makeDatabase(directory))
        let store = try database.open()
        try store.addNode(Node(code: S.node, name: "海口市南北水果批发市场", nameEn: "Haikou Nanbei fruit wholesale market",
                               kind: "wholesale_market", region: "460106"))
        for (id, name) in [(S.zhang, "海口龙华区张记蔬菜批发部"), (S.qiongbei, "海南琼北果蔬贸易有限公司")] {
            try store.upsert(Operator(id: id, node: S.node, name: name, kind: .organisation))
        }
        let journals = try (1...devices).map { number in
            let id = try store.enrollDevice(node: S.node, name: "收货台 \(number)", now: database.now)
            return HandJournal(deviceId: id, author: "检测员 \(number)")
        }
        return (database, journals)
    }

    /// A store of one more server on this database.
    func open() throws -> any ContractStore { try backend.open(location, now) }

    /// Deletes the database (call once the test's stores are done with it).
    func drop() { backend.dropDatabase(location) }
}

/// Errors raised on the threads of a contract test, reported after they all ended.
final class ThreadFailures: @unchecked Sendable {
    // @unchecked Sendable: `errors` is only read or written with `lock` held.
    private let lock = NSLock()
    private var errors: [String] = []

    /// Runs `body`, keeping what it throws.
    func catching(_ label: String, _ body: () throws -> Void) {
        do { try body() } catch {
            lock.lock()
            errors.append("\(label): \(error)")
            lock.unlock()
        }
    }

    /// Everything thrown so far.
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
