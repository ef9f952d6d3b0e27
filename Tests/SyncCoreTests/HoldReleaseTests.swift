import Testing
@testable import SyncCore
import TestSupport

/// When an admin may lift a food-safety hold, and what the release lifts: a passing re-test after each cause.
@Suite("Hold release plan")
struct HoldReleaseTests {
    typealias B = BatchStateTests
    static let code = B.code

    static func test(_ item: String, passed: Bool) -> EventBody {
        .inspection(Inspection(batchCode: code, item: item, method: nil, value: nil, passed: passed, time: marketMorning))
    }

    static func voiding(_ target: String) -> EventBody {
        .voiding(Voiding(batchCode: code, target: target, reason: "录错", time: marketMorning))
    }

    static func state(_ events: [RecordedEvent]) throws -> BatchState {
        try #require(BatchState.derive(code: code, events: events))
    }

    /// The refusal code of planning a release of `events`' batch, nil when it is allowed.
    static func refusal(_ events: [RecordedEvent]) throws -> String? {
        do {
            _ = try HoldRelease.plan(try state(events))
            return nil
        } catch let error as TraceSyncError {
            return error.code.rawValue
        }
    }

    static let failed = [
        B.event("r", at: 0, on: "device-a", .receipt(B.receipt(Quantity(units: 100_000)))),
        B.event("i", at: 10, on: "device-a", test("农药残留", passed: false)),
        B.event("v", at: 20, on: "device-b", voiding("i")),
    ]

    @Test func aVoidedFailedTestWithoutARetestCannotBeReleased() throws {
        #expect(try Self.refusal(Self.failed) == "retest_missing")
    }

    @Test func aRetestOfAnotherItemOrBeforeTheFailureDoesNotCount() throws {
        let otherItem = Self.failed + [B.event("t", at: 30, on: "device-a", Self.test("瘦肉精", passed: true))]
        #expect(try Self.refusal(otherItem) == "retest_missing")
        let before = Self.failed + [B.event("t", at: 5, on: "device-a", Self.test("农药残留", passed: true))]
        #expect(try Self.refusal(before) == "retest_missing")
        let voided = Self.failed + [B.event("t", at: 30, on: "device-a", Self.test("农药残留", passed: true)),
                                    B.event("vt", at: 31, on: "device-a", Self.voiding("t"))]
        #expect(try Self.refusal(voided) == "retest_missing")
    }

    @Test func aPassingRetestOfTheSameItemAfterTheFailureAllowsTheRelease() throws {
        let events = Self.failed + [B.event("t", at: 30, on: "device-a", Self.test("农药残留", passed: true))]
        let plan = try HoldRelease.plan(try Self.state(events))
        #expect(plan == HoldRelease.Plan(lifts: ["i"], retests: ["t"]))
    }

    @Test func aVoidedFullDisposalNeedsAnyPassingTestAfterIt() throws {
        let disposal = Disposal(batchCode: Self.code, quantity: Quantity(units: 100_000), reason: "腐烂", witness: nil,
                                time: marketMorning)
        let voided = [
            B.event("r", at: 0, on: "device-a", .receipt(B.receipt(Quantity(units: 100_000)))),
            B.event("d", at: 10, on: "device-a", .disposal(disposal)),
            B.event("v", at: 20, on: "device-a", Self.voiding("d")),
        ]
        #expect(try Self.refusal(voided) == "retest_missing")
        let retested = voided + [B.event("t", at: 30, on: "device-a", Self.test("感官检查", passed: true))]
        #expect(try HoldRelease.plan(try Self.state(retested)) == HoldRelease.Plan(lifts: ["d"], retests: ["t"]))
    }

    @Test func aDisposalThatCountsOrABatchNotHeldIsRefused() throws {
        let disposal = Disposal(batchCode: Self.code, quantity: Quantity(units: 100_000), reason: "腐烂", witness: nil,
                                time: marketMorning)
        let disposed = [
            B.event("r", at: 0, on: "device-a", .receipt(B.receipt(Quantity(units: 100_000)))),
            B.event("d", at: 10, on: "device-a", .disposal(disposal)),
            B.event("t", at: 30, on: "device-a", Self.test("农药残留", passed: true)),
        ]
        #expect(try Self.refusal(disposed) == "batch_disposed")
        #expect(try Self.refusal([disposed[0]]) == "not_held")
    }

    @Test func aTestCorrectedFromFailToPassIsACauseNotARetest() throws {
        let correction = Correction(batchCode: Self.code, target: "i", fields: ["result": "pass"], versionSeen: 0,
                                    time: marketMorning)
        let events = [
            B.event("r", at: 0, on: "device-a", .receipt(B.receipt(Quantity(units: 100_000)))),
            B.event("i", at: 10, on: "device-a", Self.test("农药残留", passed: false)),
            B.event("c", at: 20, on: "device-a", .correction(correction)),
        ]
        #expect(try Self.refusal(events) == "retest_missing")
    }
}
