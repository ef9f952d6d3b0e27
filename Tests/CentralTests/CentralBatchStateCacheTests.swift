import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The merge keeps batch states between pushes; a state must never outlive a change it did not see.
@Suite("Central store: batch states kept between pushes")
struct CentralBatchStateCacheTests {
    typealias S = MergeSamples

    /// Another connection (another server process, an admin tool) merges a sale into a batch this store has kept:
    /// the next push here judges the batch with that sale.
    @Test func aPushSeesWhatAnotherConnectionMergedIntoAKeptBatch() throws {
        try CentralHarness.with { harness in
            let batch = S.code(1)
            var deviceA = try harness.enroll("秤台 A", author: "符永清")
            var deviceB = try harness.enroll("秤台 B", author: "云秀英")
            try deviceA.append(S.receipt(batch, quantity: 100), id: "r", at: marketMorning)
            try deviceA.append(S.sale(batch, child: S.code(2), quantity: 60), id: "s1", at: marketMorning + 1)
            #expect(try harness.push(deviceA).verdicts.map(\.verdict) == [.applied, .applied])

            let other = try CentralStore(path: harness.store.database.path)
            other.clock = { S.receivedAt }
            try deviceB.append(S.sale(batch, child: S.code(1, device: 2), quantity: 30), id: "s2", at: marketMorning + 2)
            let pushedElsewhere = try other.push(device: other.device(deviceB.deviceId), entries: deviceB.entries)
            #expect(pushedElsewhere.verdicts.map(\.verdict) == [.applied])

            try deviceA.append(S.sale(batch, child: S.code(3), quantity: 20), id: "s3", at: marketMorning + 3)
            let verdict = try #require(try harness.push(deviceA).verdicts.first)
            #expect(verdict.verdict == .conflict)
            #expect(verdict.reasonCode == ConflictKind.oversold.rawValue)
            let row = try #require(try harness.batchRow(batch))
            #expect(row.balance == S.kg(-10).description)
            #expect(row.flags.contains(BatchFlag.oversold.rawValue))
        }
    }

    /// A push inside a caller's transaction that is rolled back leaves no kept state behind, even when another
    /// connection then brings the batch to the same number of events.
    @Test func aRolledBackPushLeavesNoKeptState() throws {
        try CentralHarness.with { harness in
            let batch = S.code(1)
            var device = try harness.enroll("秤台 A", author: "符永清")
            try device.append(S.receipt(batch, quantity: 100), id: "r", at: marketMorning)
            try harness.push(device)

            var rolledBack = device
            try rolledBack.append(S.sale(batch, child: S.code(2), quantity: 90), id: "s1", at: marketMorning + 1)
            #expect(throws: CancellationError.self) {
                try harness.store.database.inTransaction {
                    try harness.push(rolledBack)
                    throw CancellationError()
                }
            }

            let other = try CentralStore(path: harness.store.database.path)
            other.clock = { S.receivedAt }
            try device.append(S.sale(batch, child: S.code(2), quantity: 20), id: "s1b", at: marketMorning + 1)
            _ = try other.push(device: other.device(device.deviceId), entries: device.entries)

            try device.append(S.sale(batch, child: S.code(3), quantity: 70), id: "s2", at: marketMorning + 2)
            #expect(try harness.push(device).verdicts.map(\.verdict) == [.applied])
            #expect(try harness.batchRow(batch)?.balance == S.kg(10).description)
        }
    }
}
