import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A food-safety hold on the central store: a device voiding or correcting what holds a batch leaves it held and
/// opens a conflict; only an admin's release after a passing re-test lifts it, as a server entry devices pull.
@Suite("Central store: food-safety holds")
struct CentralHoldTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000
    static let admin = "市场管理员 王芳"

    /// Device A receives the batch and fails its test; device B, which pulled both, voids the test.
    static func voidedFailure(_ harness: CentralHarness) throws -> (a: HandJournal, b: HandJournal, batch: TraceCode) {
        var a = try harness.enroll("南北市场 1 号机", author: "符永清")
        var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
        let batch = S.code(1)
        try a.append(S.receipt(batch), id: "r", at: marketMorning)
        try a.append(S.inspection(batch, passed: false), id: "i", at: marketMorning + 10 * minute)
        try harness.push(a)
        try b.append(S.voiding(batch, target: "i"), id: "v", at: marketMorning + 20 * minute)
        let answer = try harness.push(b)
        #expect(answer.verdicts.map(\.verdict) == [.conflict])
        #expect(answer.verdicts.map(\.reasonCode) == ["hold_voided"])
        return (a, b, batch)
    }

    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as TraceSyncError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    static func serverEntries(_ harness: CentralHarness) throws -> Int64 {
        try harness.store.database.scalar("SELECT count(*) FROM entries WHERE device_id = ?", CentralStore.serverDeviceId) ?? 0
    }

    @Test func voidingAFailedTestLeavesTheBatchHeldAndOpensAConflict() throws {
        try CentralHarness.with { harness in
            let (_, _, batch) = try Self.voidedFailure(harness)
            #expect(try harness.batchRow(batch)?.status == "held")
            let conflict = try #require(try harness.store.conflicts(status: .open, kind: .holdVoided).first)
            #expect(conflict.batchCode == batch.digits)
            #expect(conflict.target == "i")
            #expect(conflict.candidates.map(\.eventId) == ["i", "v"])
            #expect(conflict.candidates.map(\.value) == ["failed 农药残留", "void: 录错"])
            #expect(try harness.store.holds(node: S.node).map(\.code) == [batch.digits])
            #expect(try harness.store.holds(node: S.node).first?.openConflicts == [conflict.id])
            #expect(try harness.store.publicTrace(batch.digits).foodSafetyHold)
        }
    }

    @Test func correctingAFailedTestToPassOpensTheSameConflict() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南北市场 1 号机", author: "符永清")
            let batch = S.code(1)
            try a.append(S.receipt(batch), id: "r", at: marketMorning)
            try a.append(S.inspection(batch, passed: false), id: "i", at: marketMorning + Self.minute)
            try a.append(S.correction(batch, target: "i", ["result": "pass"], versionSeen: 0), id: "c",
                         at: marketMorning + 2 * Self.minute)
            #expect(try harness.push(a).verdicts.map(\.reasonCode) == [nil, nil, "hold_voided"])
            #expect(try harness.batchRow(batch)?.status == "held")
        }
    }

    @Test func aReleaseIsRefusedWithoutANoteOrAPassingRetestAndChangesNothing() throws {
        try CentralHarness.with { harness in
            let (_, _, batch) = try Self.voidedFailure(harness)
            #expect(Self.refusal { try harness.store.releaseHold(batch.digits, ReleaseRequest(note: " "), author: Self.admin) }
                == "missing_field")
            #expect(Self.refusal { try harness.store.releaseHold(batch.digits, ReleaseRequest(note: "已核实"), author: Self.admin) }
                == "retest_missing")
            #expect(try Self.serverEntries(harness) == 0)
            #expect(try harness.store.conflicts(status: .open, kind: .holdVoided).count == 1)
            #expect(try harness.batchRow(batch)?.status == "held")
            #expect(try harness.store.holds(node: S.node).first?.releaseRefusal != nil)
        }
    }

    @Test func aReleaseAfterARetestOpensTheBatchForEveryReplicaAndSettlesTheConflict() throws {
        try CentralHarness.with { harness in
            let scenario = try Self.voidedFailure(harness)
            var a = scenario.a
            let (b, batch) = (scenario.b, scenario.batch)
            try a.append(S.inspection(batch, passed: true), id: "t", at: marketMorning + 40 * Self.minute)
            try harness.push(a)
            let conflict = try #require(try harness.store.conflicts(status: .open, kind: .holdVoided).first)
            harness.now += S.hour
            let released = try harness.store.releaseHold(batch.digits, ReleaseRequest(note: "复检合格，解除扣留"), author: Self.admin)

            #expect(released.lifts == ["i"] && released.retests == ["t"])
            #expect(released.status == .open)
            #expect(released.serverSeq == 1)
            #expect(released.settledConflicts == [conflict.id])
            #expect(released.releasedAt == harness.now)
            #expect(try harness.batchRow(batch)?.status == "open")
            #expect(try harness.store.holds().isEmpty)
            #expect(try !harness.store.publicTrace(batch.digits).foodSafetyHold)
            let settled = try harness.store.conflict(conflict.id)
            #expect(settled.status == .resolved)
            #expect(settled.resolution?.serverSeq == 1 && settled.resolution?.author == Self.admin)

            for journal in [a, b] {
                let pulled = try CentralResolveTests.pulled(harness, journal, conflict: conflict.id)
                let (entry, verdict) = try #require(pulled.serverEntries.first)
                #expect(pulled.serverEntries.count == 1)
                #expect(entry.kind == .release && entry.author == Self.admin && verdict.verdict == .applied)
                #expect(entry.hash == entry.expectedHash)
                #expect(pulled.conflict?.status == .resolved)
            }
            // Releasing again is refused: the batch is no longer held.
            #expect(Self.refusal { try harness.store.releaseHold(batch.digits, ReleaseRequest(note: "再次"), author: Self.admin) }
                == "not_held")
        }
    }

    @Test func aDeviceCannotRecordOrVoidARelease() throws {
        try CentralHarness.with { harness in
            let scenario = try Self.voidedFailure(harness)
            var a = scenario.a
            let batch = scenario.batch
            try a.append(S.inspection(batch, passed: true), id: "t", at: marketMorning + 40 * Self.minute)
            try harness.push(a)
            try harness.store.releaseHold(batch.digits, ReleaseRequest(note: "复检合格"), author: Self.admin)
            let releaseId = try #require(try harness.store.batchEvents(batch).first { $0.body.kind == .release }?.id)

            try a.append(.release(Release(batchCode: batch, lifts: ["i"], retests: [], note: "自行解除", time: marketMorning)),
                         id: "own-release", at: marketMorning + 50 * Self.minute)
            try a.append(S.voiding(batch, target: releaseId), id: "undo", at: marketMorning + 51 * Self.minute)
            let answer = try harness.push(a)
            #expect(answer.verdicts.map(\.verdict) == [.rejected, .rejected])
            #expect(answer.verdicts.map(\.reasonCode) == ["release_not_allowed", "release_not_allowed"])
            #expect(try harness.batchRow(batch)?.status == "open")
        }
    }

    @Test func aDisposedBatchCannotBeReleasedAndAVoidedWholeDisposalHoldsIt() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("南北市场 1 号机", author: "符永清")
            let batch = S.code(1)
            try a.append(S.receipt(batch), id: "r", at: marketMorning)
            try a.append(S.disposal(batch, quantity: 100), id: "d", at: marketMorning + Self.minute)
            try harness.push(a)
            #expect(Self.refusal { try harness.store.releaseHold(batch.digits, ReleaseRequest(note: "x"), author: Self.admin) }
                == "batch_disposed")
            try a.append(S.voiding(batch, target: "d"), id: "v", at: marketMorning + 2 * Self.minute)
            #expect(try harness.push(a).verdicts.map(\.reasonCode) == ["hold_voided"])
            #expect(try harness.batchRow(batch).map { [$0.status, $0.balance] } == ["held", "100"])
        }
    }
}
