import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// A central store restored from a backup holds less than the devices saw: each device goes back to what it holds,
/// sends its lost entries again from its journal and pulls the restored log again, and nothing is lost or doubled.
@Suite struct RestoreRealignmentTests {
    /// A market's central store in a file, three enrolled devices that have synced once, and a way to take a backup
    /// and to restore it into a new store (with the same data key).
    final class Site {
        let directory: URL
        private(set) var central: CentralStore
        let first: SimulatedDevice
        let second: SimulatedDevice
        let third: SimulatedDevice
        /// The time every store reads, fixed on the market morning.
        let clock: @Sendable () -> Int64 = { marketMorning }
        /// The data key of the first store, which every restored one is opened with.
        let key: DataKey

        init(directory: URL) throws {
            self.directory = directory
            let path = directory.appendingPathComponent("central.sqlite").path
            central = try CentralStore(path: path)
            key = try DataKey.resolve(databasePath: path)
            try central.addNode(Node(code: "46010001", name: "市场", nameEn: "Market", kind: "wholesale_market", region: "460106"))
            try central.upsert(Operator(id: "OP-46010001-001", node: "46010001", name: "摊位一", kind: .individual))
            central.clock = clock
            first = try SimulatedDevice(name: "一号机", node: "46010001", number: 1, skew: 0, central: central, clock: clock)
            second = try SimulatedDevice(name: "二号机", node: "46010001", number: 2, skew: 0, central: central, clock: clock)
            third = try SimulatedDevice(name: "三号机", node: "46010001", number: 3, skew: 0, central: central, clock: clock)
            for device in [first, second, third] { try pull(device) }
        }

        var backups: URL { directory.appendingPathComponent("backups") }

        func backup() throws {
            _ = try Backup.take(of: central.database.path, into: backups, takenAt: clock())
        }

        /// Restores the last backup into a new file and serves from it from now on.
        func restore() throws {
            let restored = directory.appendingPathComponent("restored-\(UUID().uuidString).sqlite").path
            try Restore.run(from: backups, to: restored)
            central = try CentralStore(path: restored, dataKey: key)
            central.clock = clock
        }

        /// One push of everything `device` has pending (an empty push when nothing is), its answer applied.
        @discardableResult
        func push(_ device: SimulatedDevice) throws -> FieldStore.ServerRealignment {
            let answer = try central.push(device: central.device(device.record.id), entries: device.store.pendingEntries(limit: 1_000))
            return try device.store.applyPush(answer)
        }

        /// Pulls until up to date; true when a page made the pull start again.
        @discardableResult
        func pull(_ device: SimulatedDevice) throws -> Bool {
            var restarted = false
            while true {
                let cursor = try device.store.syncSettings()!.pullCursor
                let page = try central.pull(device: central.device(device.record.id), cursor: cursor, limit: 3)
                if try device.store.applyPull(page).pullRestarted {
                    restarted = true
                    continue
                }
                if !page.more { return restarted }
            }
        }

        func storedSeqs(_ device: SimulatedDevice) throws -> [Int64] {
            try central.database.query("SELECT seq FROM entries WHERE device_id = ? ORDER BY seq", device.record.id)
                .map { $0.int("seq")! }
        }
    }

    static func withSite(_ body: (Site) throws -> Void) throws {
        try withTemporaryDirectory { directory in try body(Site(directory: directory)) }
    }

    @Test func aDeviceWithNothingPendingLearnsFromAnEmptyPushThatTheRestoredServerLacksItsTailAndSendsItAgain() throws {
        try Self.withSite { site in
            let batch = try site.first.store.receiveBokChoy()
            try site.push(site.first)
            try site.backup()
            try site.first.store.inspect(code: batch.digits, item: "农药残留", method: nil, value: nil, result: "pass", time: nil)
            try site.push(site.first)
            #expect(try site.first.store.status().pending == 0)

            try site.restore()
            let realignment = try site.push(site.first)
            #expect(realignment.resendAfter == 1)
            #expect(try site.first.store.syncSettings()?.ackedSeq == 1)
            #expect(try site.first.store.status().pending == 1, "the entry the server lost is pending again")
            #expect(try site.first.store.pendingEntries(limit: 10).map(\.seq) == [2])

            try site.push(site.first)
            #expect(try site.storedSeqs(site.first) == [1, 2])
            #expect(try site.first.store.status().pending == 0)
            #expect(try site.push(site.first).resendAfter == nil, "a device in step with the server does not rewind")
        }
    }

    @Test func aSeqGapRefusalNamesWhatTheServerHoldsAndTheDeviceSendsAgainFromThere() throws {
        try Self.withSite { site in
            try site.second.store.receiveBokChoy()
            try site.push(site.second)
            try site.backup()
            for _ in 0..<2 { try site.second.store.receiveBokChoy() }
            try site.push(site.second)
            try site.restore()
            try site.second.store.receiveBokChoy()

            let pending = try site.second.store.pendingEntries(limit: 10)
            #expect(pending.map(\.seq) == [4])
            var refusal: TraceSyncError?
            do {
                _ = try site.central.push(device: site.central.device(site.second.record.id), entries: pending)
            } catch let error as TraceSyncError {
                refusal = error
            }
            #expect(refusal?.code == .seqGap)
            let acked = try #require(refusal?.ackedSeq)
            #expect(acked == 1)
            #expect(try site.second.store.serverHolds(ackedSeq: acked) == 1)
            #expect(try site.second.store.serverHolds(ackedSeq: acked) == nil, "the same answer twice moves nothing")
            try site.push(site.second)
            #expect(try site.storedSeqs(site.second) == [1, 2, 3, 4])
            #expect(try site.second.store.status().pending == 0)
        }
    }

    @Test func aNewGenerationRestartsThePullAndTheDeviceSeesWhatWasRecordedAfterTheBackupWithNothingDoubled() throws {
        try Self.withSite { site in
            try site.first.store.receiveBokChoy()
            try site.push(site.first)
            #expect(!(try site.pull(site.third)), "the first generation seen only records it")
            try site.backup()
            for _ in 0..<3 { try site.first.store.receiveBokChoy() }
            try site.push(site.first)
            try site.pull(site.third)
            #expect(try site.third.batchCodes().count == 4)

            try site.restore()
            // The restored log grows again at positions the third device has passed: first the second device's
            // new receipts, then the first device's entries sent again.
            for _ in 0..<2 { try site.second.store.receiveBokChoy() }
            try site.push(site.second)
            try site.push(site.first)
            try site.push(site.first)
            #expect(try site.storedSeqs(site.first) == [1, 2, 3, 4])

            #expect(try site.pull(site.third), "a page of the new generation restarts the pull")
            let recorded = try (site.first.batchCodes() + site.second.batchCodes()).sorted()
            #expect(try site.third.batchCodes() == recorded, "every batch of both devices, once")
            #expect(try site.third.batchCodes().count == 6)
            #expect(try site.third.store.database.scalar("SELECT count(*) FROM events") == 6)
            #expect(!(try site.pull(site.third)), "the same generation again does not restart")
        }
    }

    @Test func theFirstAnswersAfterEnrollmentOnlyRecordTheGeneration() throws {
        try Self.withSite { site in
            let fresh = try SimulatedDevice(name: "四号机", node: "46010001", number: 4, skew: 0, central: site.central,
                                            clock: site.clock)
            #expect(try fresh.store.syncSettings()?.serverGeneration == nil)
            #expect(try site.push(fresh) == FieldStore.ServerRealignment(resendAfter: nil, pullRestarted: false))
            #expect(try fresh.store.syncSettings()?.serverGeneration == (try site.central.generation()))
            #expect(!(try site.pull(fresh)))
            #expect(try fresh.store.syncSettings()!.pullCursor > 0)
        }
    }

    @Test func aRestoredStoreHasANewGenerationAndTheBackupKeepsItsOwn() throws {
        try Self.withSite { site in
            let original = try site.central.generation()
            try site.backup()
            try site.restore()
            let restored = try site.central.generation()
            try site.restore()
            #expect(Set([original, restored, try site.central.generation()]).count == 3)
            let answer = try site.central.push(device: site.central.device(site.first.record.id), entries: [])
            #expect(answer.generation == (try site.central.generation()))
            #expect(answer.ackedSeq == 0 && answer.verdicts.isEmpty)
            let page = try site.central.pull(device: site.central.device(site.first.record.id), cursor: 0, limit: 1)
            #expect(page.generation == (try site.central.generation()))
        }
    }
}
