import SyncCore
import CentralCore
import CentralSQLite

/// The one owner of the central store while the server runs.
///
/// An actor on a `DedicatedThreadExecutor`: requests reach the store one at a time, and its blocking SQLite calls run
/// on that thread, not the cooperative pool. Each store call is synchronous and runs its SQLite transaction to the
/// end before the actor takes the next job, so a graceful shutdown never leaves a transaction half written.
actor CentralService {
    private let executor: DedicatedThreadExecutor
    let store: CentralStore
    /// Where password hashes are checked and made, off the store's thread.
    let passwords: PasswordPool

    /// The dedicated thread's executor, which every call of this actor runs on.
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens (creating, migrating and seeding if needed) the store at `path`, on the caller's thread: this happens
    /// once, before the server accepts requests.
    /// - Parameters:
    ///   - orphanTimeout: how long an event may wait for its batch before it is flagged, in milliseconds.
    ///   - pastWindow: how old a business time may be before it is flagged, in milliseconds.
    ///   - dataKey: the key personal data is encrypted under; nil finds it beside the database.
    ///   - passwords: the threads logins check passwords on.
    init(
        path: String, orphanTimeout: Int64? = nil, pastWindow: Int64? = nil, dataKey: DataKey? = nil,
        passwords: PasswordPool = .shared
    ) throws {
        executor = DedicatedThreadExecutor(name: "central-store")
        self.passwords = passwords
        store = try dataKey.map { try CentralStore(path: path, dataKey: $0) } ?? CentralStore(path: path)
        if let orphanTimeout { store.orphanTimeout = orphanTimeout }
        if let pastWindow { store.pastWindow = pastWindow }
    }

    deinit { executor.shutdown() }

    /// Trades a one-time code for a device identity and secret.
    func enroll(_ request: EnrollRequest) throws -> EnrollResponse {
        try store.enroll(request)
    }

    /// The device whose bearer secret this is; refuses unknown and revoked devices.
    func authenticate(secret: String) throws -> CentralStore.DeviceRecord {
        try store.authenticate(secret: secret)
    }

    /// Stores, judges and merges a device's entries.
    func push(device: CentralStore.DeviceRecord, entries: [JournalEntry]) throws -> PushResponse {
        try store.push(device: device, entries: entries)
    }

    /// A page of the server log in the device's scope.
    func pull(device: CentralStore.DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage {
        try store.pull(device: device, cursor: cursor, limit: limit)
    }

    /// SQLite's consistency check: `ok` when the file is sound; `quick` keeps it fast on a large store.
    func integrityCheck(quick: Bool = false) throws -> String {
        try store.integrityCheck(quick: quick)
    }

    /// The admins' conflict queue, newest first, filtered.
    func conflicts(status: ConflictStatus?, kind: ConflictKind?, node: String?) throws -> [ConflictRecord] {
        try store.conflicts(status: status, kind: kind, node: node)
    }

    /// One conflict with its candidates.
    func conflict(_ id: Int64) throws -> ConflictRecord {
        try store.conflict(id)
    }

    /// Settles an open conflict on behalf of `author`.
    func resolve(_ id: Int64, _ request: ResolveRequest, author: String) throws -> ConflictRecord {
        try store.resolve(id, request, author: author)
    }

    /// Makes the bootstrap admin token if the store has no admin credential yet; returns it (to print once), or nil.
    func ensureBootstrapAdminToken() throws -> String? {
        try store.ensureBootstrapAdminToken()
    }

    /// The consumer's view of a trace code; the child code of a voided sale is refused as `voided_code`.
    func publicTrace(_ code: String) throws -> PublicTrace {
        try store.publicTrace(code)
    }

    /// The recall list of a batch code, a child code or a supplier's upstream code.
    func recall(_ code: String) throws -> RecallReport {
        try store.recall(code)
    }

    /// Supervision counts over the query's days; refuses an unknown node.
    func stats(_ query: DayRangeQuery) throws -> SupervisionStats {
        if let node = query.node { _ = try store.node(node) }
        return try store.stats(from: query.from, to: query.to, node: query.node)
    }

    /// The EPCIS 2.0 document of the query's range.
    func epcisDocument(_ query: EPCISQuery) throws -> JSONValue {
        try store.epcisDocument(from: query.from, to: query.to, node: query.node)
    }

    /// A page of the exchange feed.
    func feed(_ query: FeedQuery) throws -> FeedPage {
        try store.feed(after: query.cursor, limit: query.limit)
    }

    /// The regulators' CSV of `kind` over the query's days; refuses an unknown node.
    func csv(_ kind: RegulatorCSV, _ query: DayRangeQuery) throws -> String {
        if let node = query.node { _ = try store.node(node) }
        return try store.csv(kind, from: query.from, to: query.to, node: query.node)
    }
}
