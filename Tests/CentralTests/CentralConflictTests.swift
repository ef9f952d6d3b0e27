import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Conflicts as the central store queues them: once per kind and subject, with every candidate, and untouched by a
/// replayed push.
@Suite("Central store: conflict queue")
struct CentralConflictTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000

    /// Two devices of node 46010001 (numbers 1 and 2) after pushing the entries that make a conflict of a kind.
    struct Scenario {
        var a: HandJournal
        var b: HandJournal
        let batch: TraceCode
        /// What the two first pushes answered.
        let answers: [PushResponse]
        /// The event ids the conflict's candidates must name, in order.
        let candidates: [String]
    }

    /// Plays the market morning that makes a conflict of `kind`. For an orphan, the server's clock then moves two
    /// days on, past the orphan timeout.
    static func play(_ kind: ConflictKind, _ harness: CentralHarness) throws -> Scenario {
        var a = try harness.enroll("南北市场 1 号机", author: "符永清")
        var b = try harness.enroll("南北市场 2 号机", author: "云秀英")
        let batch = S.code(1), morning = marketMorning
        let candidates: [String]
        switch kind {
        case .concurrentEdit:
            try a.append(S.receipt(batch), id: "r", at: morning)
            try a.append(S.correction(batch, target: "r", ["supplier": "福山合作社"], versionSeen: 0), id: "c-a",
                         at: morning + 10 * minute)
            try b.append(S.correction(batch, target: "r", ["supplier": "金江合作社"], versionSeen: 0), id: "c-b",
                         at: morning + 5 * minute)
            candidates = ["c-a", "c-b"]
        case .oversold:
            try a.append(S.receipt(batch), id: "r", at: morning)
            try a.append(S.sale(batch, child: S.code(2), quantity: 80), id: "s-a", at: morning + 10 * minute)
            try b.append(S.sale(batch, child: S.code(1, device: 2), quantity: 80), id: "s-b", at: morning + 12 * minute)
            candidates = ["s-a", "s-b"]
        case .heldTraded:
            try a.append(S.receipt(batch), id: "r", at: morning)
            try a.append(S.inspection(batch, passed: false), id: "i-a", at: morning + 10 * minute)
            try b.append(S.sale(batch, child: S.code(1, device: 2), quantity: 5), id: "s-b", at: morning + 20 * minute)
            candidates = ["i-a", "s-b"]
        case .holdVoided:
            try a.append(S.receipt(batch), id: "r", at: morning)
            try a.append(S.inspection(batch, passed: false), id: "i-a", at: morning + 10 * minute)
            try b.append(S.voiding(batch, target: "i-a"), id: "v-b", at: morning + 20 * minute)
            candidates = ["i-a", "v-b"]
        case .certificateReuse:
            try a.append(S.receipt(batch, certificate: S.quarantineCert), id: "r", at: morning)
            try b.append(S.receipt(S.code(1, device: 2), operatorId: S.qiongbei, certificate: S.quarantineCert),
                         id: "r-b", at: morning + 10 * minute)
            candidates = ["r", "r-b"]
        case .duplicateOperator:
            try a.append(S.registration("OP-A-NEW"), id: "reg-a", at: morning)
            try b.append(S.registration("OP-B-NEW"), id: "reg-b", at: morning + minute)
            candidates = ["reg-a", "reg-b"]
        case .orphan:
            try b.append(S.inspection(batch, passed: false), id: "i-b", at: morning)
            candidates = ["i-b"]
        case .implausibleTime:
            try a.append(S.receipt(batch, time: S.receivedAt + 2 * S.day), id: "r", at: morning)
            candidates = ["r"]
        case .packingConflict:
            // One box packed into a case on each device, offline.
            try a.append(.receipt(Receipt(batchCode: batch, node: S.node, product: "200101", quantity: S.kg(2), unit: "box",
                                          operatorId: S.zhang, supplier: "海南海神同洲制药有限公司", origin: "469023",
                                          items: ["81462350000123450017"], time: morning)), id: "r", at: morning)
            try a.append(.packing(Packing(batchCode: batch, container: S.code(2), level: .case,
                                          contents: ["81462350000123450017"], time: morning)), id: "p-a", at: morning + minute)
            try b.append(.packing(Packing(batchCode: batch, container: S.code(2, device: 2), level: .case,
                                          contents: ["81462350000123450017"], time: morning)), id: "p-b",
                         at: morning + 2 * minute)
            candidates = ["p-a", "p-b"]
        case .unlicensedSale:
            // 氧乐果, a restricted pesticide, sold to a buyer named only as text: no licence on record.
            try a.append(S.receipt(batch, product: "600104"), id: "r", at: morning)
            try a.append(S.sale(batch, child: S.code(2), quantity: 5), id: "s-a", at: morning + 10 * minute)
            candidates = ["s-a"]
        case .decommissionedInUse:
            try a.append(EquipmentSamples.registration(), id: "reg", at: morning)
            try a.append(EquipmentSamples.decommissioning(time: morning + minute), id: "d", at: morning + minute)
            try b.append(EquipmentSamples.inspection(time: morning + 10 * minute), id: "i-b", at: morning + 10 * minute)
            candidates = ["d", "i-b"]
        }
        let answers = [try harness.push(a), try harness.push(b)]
        if kind == .orphan { harness.now += 2 * S.day }
        return Scenario(a: a, b: b, batch: batch, answers: answers, candidates: candidates)
    }

    @Test(arguments: ConflictKind.allCases)
    func eachKindIsQueuedOnceWithEveryCandidateAndAReplayAddsNothing(_ kind: ConflictKind) throws {
        try CentralHarness.with { harness in
            let scenario = try Self.play(kind, harness)
            let judged = scenario.answers.flatMap(\.verdicts)
            #expect(judged.allSatisfy { $0.verdict != .rejected })
            #expect(judged.filter { $0.verdict == .conflict }.map(\.reasonCode) == (kind == .orphan ? [] : [kind.rawValue]))

            let open = try harness.store.conflicts(status: .open)
            #expect(open.map(\.kind) == [kind])
            let conflict = try #require(open.first)
            #expect(conflict.node == S.node)
            #expect(conflict.status == .open)
            #expect(conflict.resolution == nil)
            #expect(conflict.candidates.map(\.eventId) == scenario.candidates)
            #expect(try harness.store.conflict(conflict.id) == conflict)

            let conflicts = try harness.store.conflicts()
            let counts = try ["server_log", "entries", "events", "conflict_candidates"].map(harness.count)
            for (journal, answer) in zip([scenario.a, scenario.b], scenario.answers) {
                let replayed = try harness.replay(journal)
                #expect(replayed == answer)
            }
            #expect(try harness.store.conflicts() == conflicts)
            #expect(try ["server_log", "entries", "events", "conflict_candidates"].map(harness.count) == counts)
        }
    }

    @Test func theCandidatesCarryDeviceAuthorClockAndDeviceTime() throws {
        try CentralHarness.with { harness in
            let scenario = try Self.play(.concurrentEdit, harness)
            let conflict = try #require(try harness.store.conflicts(status: .open).first)
            let first = scenario.a.entries[1], second = scenario.b.entries[0]
            #expect(conflict.candidates == [
                ConflictCandidate(deviceId: first.deviceId, seq: 2, eventId: "c-a", author: "符永清", hlc: first.hlc,
                                  deviceTime: first.wallTime, value: "福山合作社"),
                ConflictCandidate(deviceId: second.deviceId, seq: 1, eventId: "c-b", author: "云秀英", hlc: second.hlc,
                                  deviceTime: second.wallTime, value: "金江合作社"),
            ])
            #expect(conflict.batchCode == scenario.batch.digits)
            #expect(conflict.target == "r")
            #expect(conflict.field == "supplier")
            // Provisional outcome: the higher clock (device A's, ten minutes past six) wins.
            #expect(try harness.state(scenario.batch)?.receipt.supplier == "福山合作社")
        }
    }

    @Test func aThirdConcurrentEditJoinsTheOpenConflict() throws {
        try CentralHarness.with { harness in
            let scenario = try Self.play(.concurrentEdit, harness)
            let opened = try #require(try harness.store.conflicts(status: .open).first)
            var c = try harness.enroll("南北市场 3 号机", author: "王海燕")
            try c.append(S.correction(scenario.batch, target: "r", ["supplier": "海口琼山合作社"], versionSeen: 0),
                         id: "c-c", at: marketMorning + 30 * Self.minute)
            let answer = try harness.push(c)

            #expect(answer.verdicts.map(\.verdict) == [.conflict])
            let open = try harness.store.conflicts(status: .open)
            #expect(open.map(\.id) == [opened.id])
            #expect(open.first?.candidates.map(\.eventId) == ["c-a", "c-b", "c-c"])
            #expect(try harness.state(scenario.batch)?.receipt.supplier == "海口琼山合作社")
            #expect(try harness.replay(c) == answer)
            #expect(try harness.store.conflicts(status: .open) == open)
        }
    }

    @Test func aFurtherSaleOnAnOversoldBatchJoinsItsConflict() throws {
        try CentralHarness.with { harness in
            var scenario = try Self.play(.oversold, harness)
            try scenario.a.append(S.sale(scenario.batch, child: S.code(3), quantity: 1), id: "s-a2",
                                  at: marketMorning + 40 * Self.minute)
            #expect(try harness.push(scenario.a).verdicts.map(\.reasonCode) == ["oversold"])
            let open = try harness.store.conflicts(status: .open)
            #expect(open.count == 1)
            #expect(open.first?.candidates.map(\.eventId) == ["s-a", "s-b", "s-a2"])
            #expect(try harness.batchRow(scenario.batch)?.balance == "-61")
        }
    }

    @Test func eachDeviceOfTheNodePullsTheConflictAndOnlyThem() throws {
        try CentralHarness.with { harness in
            let scenario = try Self.play(.oversold, harness)
            let elsewhere = try harness.enroll("龙昆市场 1 号机", author: "陈丽", node: S.otherNode)
            for journal in [scenario.a, scenario.b] {
                let conflicts = try harness.pullAll(journal).compactMap(\.conflict)
                #expect(conflicts.last?.kind == .oversold)
                #expect(conflicts.last?.candidates.map(\.eventId) == ["s-a", "s-b"])
            }
            #expect(try harness.pullAll(elsewhere).compactMap(\.conflict).isEmpty)
        }
    }
}
