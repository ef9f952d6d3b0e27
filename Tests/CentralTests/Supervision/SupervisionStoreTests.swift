import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The checks over the central store: anomalies pushed by devices are found once, clean trade is not.
@Suite("Supervision: checks over the central store")
struct SupervisionStoreTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000

    /// A device oversells a 100 kg batch by 10 kg.
    static func oversold(_ harness: CentralHarness) throws -> TraceCode {
        var device = try harness.enroll("南北市场 1 号机", author: "符永清")
        let batch = S.code(1)
        try device.append(S.receipt(batch), id: "r", at: marketMorning)
        try device.append(S.sale(batch, child: S.code(2), quantity: 60, time: marketMorning + 30 * Self.minute), id: "s1", at: marketMorning + 30 * Self.minute)
        try device.append(S.sale(batch, child: S.code(3), quantity: 50, time: marketMorning + 40 * Self.minute), id: "s2", at: marketMorning + 40 * Self.minute)
        try harness.push(device)
        return batch
    }

    /// The batch's balance and its operator's day both go below zero: one finding of each check.
    @Test func anOversoldBatchPushedByADeviceIsFoundOnceHoweverOftenTheChecksRun() throws {
        try CentralHarness.with { harness in
            let batch = try Self.oversold(harness)
            let first = try harness.store.runAllChecks()
            #expect(first.added == 2)
            let again = try harness.store.runAllChecks()
            #expect(again.added == 0)
            #expect(try harness.store.runChecks(touching: [S.node]).added == 0)
            let findings = try harness.store.findings()
            #expect(findings.map(\.finding.check) == ["batch_balance", "operator_day_balance"])
            #expect(findings.first?.finding.subject == FindingSubject(.batch, batch.digits))
            #expect(findings.first?.finding.value("excess") == "10 kg")
            #expect(findings.first?.status == .open)
            #expect(try harness.store.findings(operator: S.zhang).count == 2)
            #expect(try harness.store.findings(operator: S.qiongbei).isEmpty)
            #expect(try harness.store.findingCounts(node: S.node).byCheck == ["batch_balance": ["open": 1], "operator_day_balance": ["open": 1]])
            #expect(try harness.store.findingCounts(node: S.otherNode).byCheck.isEmpty)
        }
    }

    @Test func aCleanMarketDayYieldsNoFinding() throws {
        try CentralHarness.with { harness in
            var device = try harness.enroll("南北市场 1 号机", author: "符永清")
            let batch = S.code(1)
            try device.append(S.receipt(batch, certificate: S.quarantineCert), id: "r", at: marketMorning)
            try device.append(S.inspection(batch, passed: true, time: marketMorning + 10 * Self.minute), id: "i", at: marketMorning + 10 * Self.minute)
            try device.append(S.sale(batch, child: S.code(2), quantity: 40, time: marketMorning + 30 * Self.minute), id: "s", at: marketMorning + 30 * Self.minute)
            try device.append(S.disposal(batch, quantity: 5, time: marketMorning + 50 * Self.minute), id: "d", at: marketMorning + 50 * Self.minute)
            try harness.push(device)
            #expect(try harness.store.runPendingChecks().batches == 1)
            #expect(try harness.store.runAllChecks().found == 0)
            #expect(try harness.store.findings().isEmpty)
        }
    }

    @Test func pendingChecksReadOnlyWhatWasPushedSinceTheLastRun() throws {
        try CentralHarness.with { harness in
            _ = try Self.oversold(harness)
            #expect(try harness.store.runPendingChecks().added == 2)
            let idle = try harness.store.runPendingChecks()
            #expect(idle.batches == 0)
            #expect(idle.found == 0)
        }
    }

    /// A run after a push re-derives only the batches with a new entry, not the rest of the operator's.
    @Test func aRunAfterAPushDerivesOnlyTheBatchesThePushTouched() throws {
        try CentralHarness.with { harness in
            var device = try harness.enroll("南北市场 1 号机", author: "符永清")
            for serial in 1...3 {
                let at = marketMorning + Int64(serial) * Self.minute
                try device.append(S.receipt(S.code(serial), time: at), id: "r\(serial)", at: at)
                try device.append(S.sale(S.code(serial), child: S.code(10 + serial), quantity: 40, time: at + 30 * Self.minute),
                                  id: "s\(serial)", at: at + 30 * Self.minute)
            }
            try harness.push(device)
            #expect(try harness.store.runPendingChecks().batches == 3)
            try device.append(S.sale(S.code(2), child: S.code(20), quantity: 30, time: marketMorning + 2 * S.hour),
                              id: "s2b", at: marketMorning + 2 * S.hour)
            harness.now = marketMorning + 2 * S.hour + Self.minute
            try harness.push(device)
            let run = try harness.store.runPendingChecks()
            #expect(run.batches == 1)
            #expect(run.found == 0)
        }
    }

    /// A correction that lowers a receipt below what was sold, pushed a push later, is found by the run after it
    /// as by a full run: the cached day sums move by the difference.
    @Test func aCorrectionPushedLaterIsFoundByTheRunAfterItAsByAFullRun() throws {
        try CentralHarness.with { harness in
            var device = try harness.enroll("南北市场 1 号机", author: "符永清")
            let batch = S.code(1)
            try device.append(S.receipt(batch), id: "r", at: marketMorning)
            try device.append(S.sale(batch, child: S.code(2), quantity: 80, time: marketMorning + 30 * Self.minute),
                              id: "s", at: marketMorning + 30 * Self.minute)
            try harness.push(device)
            #expect(try harness.store.runPendingChecks().found == 0)
            try device.append(S.correction(batch, target: "r", ["quantity": "60"], versionSeen: 0,
                                           time: marketMorning + S.hour), id: "c", at: marketMorning + S.hour)
            try harness.push(device)
            #expect(try harness.store.runPendingChecks().added == 2)
            let findings = try harness.store.findings()
            #expect(findings.map(\.finding.check) == ["batch_balance", "operator_day_balance"])
            #expect(findings.last?.finding.value("received") == "60 kg")
            #expect(try harness.store.runAllChecks().added == 0, "the full run finds nothing the runs after pushes did not")
        }
    }

    @Test func oneCertificateOnTwoOperatorsBatchesIsAReuse() throws {
        try CentralHarness.with { harness in
            var device = try harness.enroll("南北市场 1 号机", author: "符永清")
            try device.append(S.receipt(S.code(1), certificate: S.quarantineCert), id: "r1", at: marketMorning)
            try device.append(S.receipt(S.code(2), operatorId: S.qiongbei, certificate: S.quarantineCert, time: marketMorning + Self.minute),
                              id: "r2", at: marketMorning + Self.minute)
            try harness.push(device)
            try harness.store.runChecks(touching: [S.node])
            let finding = try #require(try harness.store.findings(FindingFilter(check: "certificate_use")).first)
            #expect(finding.finding.key.hasSuffix("|reuse"))
            #expect(finding.finding.value("reused_on") == S.code(2).digits)
            #expect(finding.finding.operatorId == S.qiongbei)
        }
    }

    @Test func aFollowUpIsKeptAndTheFindingIsNotReopenedByTheNextRun() throws {
        try CentralHarness.with { harness in
            _ = try Self.oversold(harness)
            try harness.store.runAllChecks()
            let id = try #require(try harness.store.findings(FindingFilter(check: "batch_balance")).first?.id)
            #expect(throws: TraceSyncError.self) {
                try harness.store.followUp(id, FindingFollowUp(status: .dismissed, note: "  "), author: "王芳")
            }
            #expect(throws: TraceSyncError.self) {
                try harness.store.followUp(id, FindingFollowUp(status: .openedAsConflict, note: "转冲突", conflictId: 999), author: "王芳")
            }
            let conflict = try #require(try harness.store.conflicts(status: .open).first)
            let linked = try harness.store.followUp(
                id, FindingFollowUp(status: .openedAsConflict, note: "已转超卖冲突", conflictId: conflict.id), author: "王芳"
            )
            #expect(linked.status == .openedAsConflict)
            #expect(linked.conflictId == conflict.id)
            #expect(linked.followedUpBy == "王芳")
            try harness.store.runAllChecks()
            #expect(try harness.store.finding(id).status == .openedAsConflict)
            #expect(try harness.store.findings(FindingFilter(status: .open)).map(\.finding.check) == ["operator_day_balance"])
        }
    }

    @Test func settingsAreStoredAndTurnACheckOff() throws {
        try CentralHarness.with { harness in
            _ = try Self.oversold(harness)
            try harness.store.setSupervisionSetting("batch_balance.enabled", to: 0)
            let enabled = try harness.store.supervisionSettings().value(of: try SupervisionSettings.setting(named: "batch_balance.enabled"))
            #expect(enabled == 0)
            #expect(try harness.store.runAllChecks().found == 1)
            #expect(try harness.store.findings().map(\.finding.check) == ["operator_day_balance"])
            #expect(throws: TraceSyncError.self) { try harness.store.setSupervisionSetting("no_such.setting", to: 1) }
        }
    }
}
