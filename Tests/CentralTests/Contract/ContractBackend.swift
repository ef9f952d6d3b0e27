import Foundation
import SyncCore
import TestSupport
import CentralCore
import CentralSQLite

/// A central-store backend as the contract suite sees it: a way to open, on one database, the stores of several
/// servers, each owned by one thread as a server process owns its own.
///
/// A backend is done when every test of `BackendContractTests` passes with it (Fluent's shared benchmark for its
/// drivers is the model). SQLite is the first backend; PostgreSQL is added here.
struct ContractBackend: Sendable, CustomStringConvertible {
    let description: String
    /// Opens one server's store on the database at `location` (made by `makeDatabase`), with the server's clock.
    let open: @Sendable (_ location: String, _ clock: Int64) throws -> CentralStore

    /// Every backend the contract runs against.
    static let all: [ContractBackend] = [.sqlite]

    /// The embedded default: a SQLite file in WAL mode, one writer at a time across processes (`BEGIN IMMEDIATE`
    /// with a busy timeout), readers on their own snapshots.
    static let sqlite = ContractBackend(description: "SQLite") { location, clock in
        let store = try CentralStore(path: location)
        store.clock = { clock }
        return store
    }
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
        let database = ContractDatabase(backend: backend, location: directory.appendingPathComponent("central.sqlite").path)
        let store = try database.open()
        try store.addNode(Node(code: S.node, name: "海口市南北水果批发市场", nameEn: "Haikou Nanbei fruit wholesale market",
                               kind: "wholesale_market", region: "460106"))
        for (id, name) in [(S.zhang, "海口龙华区张记蔬菜批发部"), (S.qiongbei, "海南琼北果蔬贸易有限公司")] {
            try store.upsert(Operator(id: id, node: S.node, name: name, kind: .organisation))
        }
        let journals = try (1...devices).map { number in
            let code = try store.issueEnrollCode(node: S.node, expiresAt: database.now + S.day)
            let enrolled = try store.enroll(EnrollRequest(code: code, deviceName: "收货台 \(number)"))
            return HandJournal(deviceId: enrolled.deviceId, author: "检测员 \(number)")
        }
        return (database, journals)
    }

    /// A store of one more server on this database.
    func open() throws -> CentralStore { try backend.open(location, now) }
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
