import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Reads are served beside the writer: a consumer's trace lookup and a device's pull answer while the writer is held
/// (as by a long push) and a push waits behind it; a pull sees a push only once it has committed; the writer records
/// when a device pulled.
@Suite struct ReadersBesideTheWriterTests {
    // A deadlock would hang here; five minutes, because under the whole suite's load on two cores a live server's
    // first requests alone can take a minute.
    @Test(.timeLimit(.minutes(5)))
    func aTraceLookupAndAPullAnswerWhileAPushWaitsForTheHeldWriter() async throws {
        try await Self.withLiveServer { server, service in
            let sample = try await TraceSample.pushed(to: server)
            let device = try await server.enrollAnother()
            var journal = JournalWriter(device: device)
            try journal.receive(serial: 1, operatorId: "OP-46010001-001")

            let writer = await service.heldWriter()
            // The push goes to the service itself: the live test client sends its requests one at a time.
            let pushed = Completion()
            let push = Task { [journal] in
                defer { pushed.finish() }
                let record = try await service.authenticate(secret: device.secret)
                return try await service.push(device: record, entries: journal.entries)
            }

            let trace = try await server.send(.get, "/v1/trace/\(sample.childCode)")
            #expect(trace.status == .ok)
            #expect(try trace.decoded(PublicTrace.self).code == sample.childCode)
            let pull = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=1000", secret: device.secret)
            #expect(pull.status == .ok)
            #expect(!pushed.isFinished, "the push waits for the writer all along")
            let entries = try pull.decoded(PullPage.self).items.compactMap(\.entry)
            #expect(!entries.contains { $0.deviceId == device.deviceId }, "nothing of the waiting push is seen")

            await writer.release()
            #expect(try await push.value.verdicts.map(\.verdict) == [.applied])
            let after = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=1000", secret: device.secret)
            #expect(try after.decoded(PullPage.self).items.compactMap(\.entry).contains { $0.deviceId == device.deviceId })
        }
    }

    @Test func aPullSeesAPushOnlyOnceItHasCommitted() async throws {
        try await Self.withTemporaryStore { path, codes in
            let service = try CentralService(path: path)
            let enrolled = try await service.enroll(EnrollRequest(code: codes["46010001"]!, deviceName: "一号机"))
            let device = try await service.authenticate(secret: enrolled.secret)
            var journal = JournalWriter(device: enrolled)
            try journal.receive(serial: 1, operatorId: "OP-46010001-001")

            // Another writer (as `sync-server admin` beside the server) pushes inside a transaction left open.
            let other = try CentralStore(path: path)
            try other.database.execute("BEGIN IMMEDIATE")
            let answer = try other.push(device: other.device(device.id), entries: journal.entries)
            #expect(answer.verdicts.map(\.verdict) == [.applied])
            let during = try await service.pull(device: device, cursor: 0, limit: 1_000)
            #expect(!during.items.contains { $0.entry?.deviceId == device.id }, "an open transaction is not seen")
            try other.database.execute("COMMIT")

            let after = try await service.pull(device: device, cursor: during.nextCursor, limit: 1_000)
            #expect(after.items.compactMap(\.entry).map(\.seq) == [1],
                    "the commit's rows come after the cursor the pull before it returned")
        }
    }

    @Test func aPullRecordsTheDeviceAsSeenThroughTheWriter() async throws {
        try await Self.withTemporaryStore { path, codes in
            let service = try CentralService(path: path)
            let enrolled = try await service.enroll(EnrollRequest(code: codes["46010001"]!, deviceName: "一号机"))
            let device = try await service.authenticate(secret: enrolled.secret)
            #expect(device.lastSeenAt == nil)
            let before = service.now()
            _ = try await service.pull(device: device, cursor: 0, limit: 10)
            var seen: Int64?
            while seen == nil {
                seen = try await service.knownDevice(device.id)?.lastSeenAt
                if seen == nil { try await Task.sleep(for: .milliseconds(5)) }
            }
            #expect(try #require(seen) >= before)
        }
    }

    /// Runs `body` with a live server (a real socket) on a temporary store with the demo markets, and its service.
    static func withLiveServer(_ body: @Sendable (ServerHarness, CentralService) async throws -> Void) async throws {
        try await withTemporaryStore { path, codes in
            let configuration = ServerConfiguration(databasePath: path, logLevel: .critical)
            let service = try CentralService(path: path)
            let router = try buildRouter(configuration, service: service)
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  logger: Logger(label: "readers-test"))
            try await app.test(.live) { client in
                try await body(ServerHarness(databasePath: path, client: client, codes: codes), service)
            }
        }
    }

    /// Runs `body` with the path of a new store holding the demo markets and an enrollment code for each, removed
    /// afterwards.
    static func withTemporaryStore(_ body: (String, [String: String]) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SyncServerReaders-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("central.sqlite").path
        let enrollments = try DemoMarkets.seed(into: try CentralStore(path: path), now: BusinessTime.now())
        try await body(path, Dictionary(uniqueKeysWithValues: enrollments.map { ($0.node.code, $0.code) }))
    }
}

extension CentralService {
    /// Holds the writer's thread until `gate` opens, as a long push holds it.
    func hold(until gate: WriterGate) {
        gate.hold()
    }

    /// The writer, held as by a long push from the moment this returns until `release()` (or the end of the value).
    nonisolated func heldWriter() async -> HeldWriter {
        let gate = WriterGate()
        let held = HeldWriter(gate: gate, task: Task { await self.hold(until: gate) })
        await gate.waitUntilHeld()
        return held
    }
}

/// The writer held at a gate in a test; released at the latest when the value ends, so a failing test cannot leave
/// the server's writer held.
final class HeldWriter: Sendable {
    private let gate: WriterGate
    private let task: Task<Void, Never>

    init(gate: WriterGate, task: Task<Void, Never>) {
        self.gate = gate
        self.task = task
    }

    /// Lets the writer go and returns once it has left the gate.
    func release() async {
        gate.open()
        await task.value
    }

    deinit { gate.open() }
}

/// A gate the writer waits at in a test: the test knows when the writer is held, and opens the gate to let it go.
final class WriterGate: @unchecked Sendable {
    // @unchecked Sendable: `held` and `isOpen` are only read or written with `condition` locked.
    private let condition = NSCondition()
    private var held = false
    private var isOpen = false

    /// Blocks the calling thread until the gate opens.
    func hold() {
        condition.lock()
        held = true
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Returns once a thread is held at the gate.
    func waitUntilHeld() async {
        while !condition.withLock({ held }) { try? await Task.sleep(for: .milliseconds(1)) }
    }

    /// Lets the held thread go, and any that comes later.
    func open() {
        condition.withLock {
            isOpen = true
            condition.broadcast()
        }
    }
}

/// Whether a task has finished, as other tasks see it.
final class Completion: @unchecked Sendable {
    // @unchecked Sendable: `finished` is only read or written with `lock` held.
    private let lock = NSLock()
    private var finished = false

    var isFinished: Bool { lock.withLock { finished } }

    func finish() { lock.withLock { finished = true } }
}
