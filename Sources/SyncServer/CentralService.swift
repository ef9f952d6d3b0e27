import SyncCore
import CentralCore
import CentralSQLite

/// The central store while the server runs: one writer, and readers beside it.
///
/// The writer is this actor, on a `DedicatedThreadExecutor`: pushes, enrollments, resolutions, releases, logins'
/// records, audit records and admin writes reach it one at a time, and its blocking SQLite calls run on that
/// thread, not the cooperative pool. Each call is synchronous and runs its SQLite transaction to the end before the
/// actor takes the next job, so a graceful shutdown never leaves a transaction half written.
///
/// Reads (`read(_:)`: pull, trace and the public page, recall, exports, admin and console listings, complaints,
/// findings, special equipment and the health check) go to `CentralReaders`, read-only connections on threads of
/// their own, so they never wait for a push. What reads used to write on the side the writer records: when a
/// device last pulled (batched, after the pull answered), orphans that are overdue when the conflict queue is
/// listed, admin sessions' last use (at most once a minute each), and the audit records of requests that only read
/// (which answer without waiting long for it). A store in memory (`:memory:`, in tests) cannot be shared between
/// connections: its reads run on the writer.
actor CentralService {
    private let executor: DedicatedThreadExecutor
    let store: CentralStore
    /// Where password hashes are checked and made, off the store's thread.
    let passwords: PasswordPool
    /// The readers; nil for a store in memory, whose reads the writer serves.
    private nonisolated let readers: CentralReaders?
    /// Devices seen pulling, until the writer records it.
    private nonisolated let sightings = DeviceSightings()
    /// Admin sessions' last uses, which the writer records at most once a minute each.
    nonisolated let sessionTouches = AdminSessionTouches()
    /// Audit records waiting for the writer.
    nonisolated let auditQueue = AuditQueue()
    /// Whether reads run beside the writer (else on it, and a request may as well wait for its audit record).
    nonisolated var readsBesideTheWriter: Bool { readers != nil }
    /// The server's clock, in milliseconds.
    nonisolated let clock: @Sendable () -> Int64
    /// Checks, decodes and seals pushed entries on the request's thread, so the writer only writes.
    private nonisolated let pushVerifier: PushVerifier
    /// Signs the public page's complaint forms, off the writer.
    nonisolated let complaintFormKey: ComplaintFormKey

    /// The dedicated thread's executor, which every call of this actor runs on.
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens (creating, migrating and seeding if needed) the store at `path`, then its readers, on the caller's
    /// thread: this happens once, before the server accepts requests.
    /// - Parameters:
    ///   - orphanTimeout: how long an event may wait for its batch before it is flagged, in milliseconds.
    ///   - pastWindow: how old a business time may be before it is flagged, in milliseconds.
    ///   - dataKey: the key personal data is encrypted under; nil finds it beside the database.
    ///   - passwords: the threads logins check passwords on.
    ///   - readers: how many readers to open beside the writer (none for a store in memory).
    init(
        path: String, orphanTimeout: Int64? = nil, pastWindow: Int64? = nil, dataKey: DataKey? = nil,
        passwords: PasswordPool = .shared, readers: Int = CentralReaders.defaultCount
    ) throws {
        executor = DedicatedThreadExecutor(name: "central-store")
        self.passwords = passwords
        let dataKey = try dataKey ?? DataKey.resolve(databasePath: path)
        let clock: @Sendable () -> Int64 = BusinessTime.now
        self.clock = clock
        store = try CentralStore(path: path, dataKey: dataKey)
        store.clock = clock
        if let orphanTimeout { store.orphanTimeout = orphanTimeout }
        if let pastWindow { store.pastWindow = pastWindow }
        pushVerifier = store.pushVerifier
        complaintFormKey = store.complaintFormKey
        self.readers = path == ":memory:" || readers == 0 ? nil : try CentralReaders(
            path: path, dataKey: dataKey, count: readers, orphanTimeout: store.orphanTimeout, clock: clock
        )
    }

    deinit { executor.shutdown() }

    /// Runs `body` on a reader, in one snapshot of the store (on the writer for a store in memory).
    nonisolated func read<T: Sendable>(_ body: @escaping @Sendable (any CentralReads) throws -> T) async throws -> T {
        if let readers { return try await readers.read(body) }
        return try await readOnWriter(body)
    }

    private func readOnWriter<T: Sendable>(_ body: @Sendable (any CentralReads) throws -> T) throws -> T {
        try store.inSnapshot { try body(store) }
    }

    /// Trades a one-time code for a device identity and secret.
    func enroll(_ request: EnrollRequest) throws -> EnrollResponse {
        try store.enroll(request)
    }

    /// The device whose bearer secret this is; refuses unknown and revoked devices.
    nonisolated func authenticate(secret: String) async throws -> DeviceRecord {
        try await read { try $0.authenticate(secret: secret) }
    }

    /// Stores, judges and merges a device's entries: checked, decoded and sealed on the caller's thread (all cores),
    /// then written by the writer.
    nonisolated func push(device: DeviceRecord, entries: [JournalEntry]) async throws -> PushResponse {
        let verified = try pushVerifier.verify(entries)
        return try await write(device: device, verified: verified)
    }

    private func write(device: DeviceRecord, verified: VerifiedPush) throws -> PushResponse {
        try store.push(device: device, verified: verified)
    }

    /// A page of the server log in the device's scope, read beside the writer; the writer records the device as
    /// seen afterwards.
    nonisolated func pull(device: DeviceRecord, cursor: Int64, limit: Int) async throws -> PullPage {
        let page = try await read { try $0.pull(device: device, cursor: cursor, limit: limit) }
        if sightings.add(device.id, at: clock()) {
            Task { await self.recordSightings() }
        }
        return page
    }

    /// Records the devices seen pulling since the last time. A failure loses only these times: the device's next
    /// pull or push records it again.
    private func recordSightings() {
        try? store.recordLastSeen(sightings.drain())
    }

    /// What `/healthz` answers: the backend, and whether a reader's trivial query answered.
    nonisolated func health() async -> ServerHealth {
        do {
            try await read { try $0.ping() }
            return .answering(CentralStore.backendName)
        } catch {
            return .failing(CentralStore.backendName, String(describing: error))
        }
    }

    /// The store's consistency check, beside the writer: `ok` when the file is sound; `quick` keeps it fast on a
    /// large store.
    nonisolated func integrityCheck(quick: Bool = false) async throws -> String {
        try await read { try $0.integrityCheck(quick: quick) }
    }

    /// The admins' conflict queue, newest first, filtered. Orphans overdue by now are flagged by the writer first,
    /// which a reader tells without writing; otherwise the listing never waits for the writer.
    nonisolated func conflicts(status: ConflictStatus?, kind: ConflictKind?, node: String?) async throws -> [ConflictRecord] {
        let now = clock()
        if try await read({ try $0.overdueOrphansWaiting(now: now) }) {
            try await flagOverdueOrphans(now: now)
        }
        return try await read { try $0.conflictQueue(status: status, kind: kind, node: node) }
    }

    private func flagOverdueOrphans(now: Int64) throws {
        try store.flagOverdueOrphans(now: now)
    }

    /// One conflict with its candidates.
    nonisolated func conflict(_ id: Int64) async throws -> ConflictRecord {
        try await read { try $0.conflict(id) }
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
    nonisolated func publicTrace(_ code: String) async throws -> PublicTrace {
        try await read { try $0.publicTrace(code) }
    }

    /// The recall list of a batch code, a child code or a supplier's upstream code.
    nonisolated func recall(_ code: String) async throws -> RecallReport {
        try await read { try $0.recall(code) }
    }

    /// Supervision counts over the query's days; refuses an unknown node.
    nonisolated func stats(_ query: DayRangeQuery) async throws -> SupervisionStats {
        try await read { store in
            if let node = query.node { _ = try store.node(node) }
            return try store.stats(from: query.from, to: query.to, node: query.node, industry: query.industry)
        }
    }

    /// The EPCIS 2.0 document of the query's range.
    nonisolated func epcisDocument(_ query: EPCISQuery) async throws -> JSONValue {
        try await read { try $0.epcisDocument(from: query.from, to: query.to, node: query.node) }
    }

    /// A page of the exchange feed.
    nonisolated func feed(_ query: FeedQuery) async throws -> FeedPage {
        try await read { try $0.feed(after: query.cursor, limit: query.limit) }
    }

    /// The regulators' CSV of `kind` over the query's days; refuses an unknown node.
    nonisolated func csv(_ kind: RegulatorCSV, _ query: DayRangeQuery) async throws -> String {
        try await read { store in
            if let node = query.node { _ = try store.node(node) }
            return try store.csv(kind, from: query.from, to: query.to, node: query.node, industry: query.industry)
        }
    }
}
