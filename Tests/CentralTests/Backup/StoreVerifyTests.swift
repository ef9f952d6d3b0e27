import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// `CentralStore.verifyStore()`: passes on a sound store, and names the device and seq of an entry edited in SQL.
@Suite struct StoreVerifyTests {
    typealias S = MergeSamples

    static func storeWithTwoDevices(_ harness: CentralHarness) throws -> (HandJournal, HandJournal) {
        var a = try harness.enroll("一号机", author: "符永清")
        var b = try harness.enroll("二号机", author: "王芳")
        for serial in 1...3 {
            try a.append(S.receipt(S.code(serial)), id: "a\(serial)", at: marketMorning + Int64(serial))
            try b.append(S.receipt(S.code(serial, device: 2)), id: "b\(serial)", at: marketMorning + Int64(serial))
        }
        try harness.push(a)
        try harness.push(b)
        return (a, b)
    }

    @Test func aSoundStorePassesEveryCheck() throws {
        try CentralHarness.with { harness in
            _ = try Self.storeWithTwoDevices(harness)
            _ = try harness.enroll("三号机，尚未同步", author: "李明")
            let checks = try harness.store.verifyStore()
            #expect(checks.map(\.kind) == StoreCheck.Kind.allCases)
            #expect(checks.allSatisfy { $0.ok }, "\(checks)")
        }
    }

    @Test func aJournalWithSealedPersonalNumbersPassesAndAnEditedSealFails() throws {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("一号机", author: "符永清")
            let individual = Operator(id: "OP-\(S.node)-901", node: S.node, name: "陈小梅", kind: .individual,
                                      idNumber: "46010219900315123X", phone: "13812345678")
            try journal.append(.operatorRegistration(individual), id: individual.id, at: S.receivedAt)
            try journal.append(S.receipt(S.code(1)), id: "r1", at: S.receivedAt + 1)
            try harness.push(journal)
            #expect(try harness.store.verifyStore().allSatisfy { $0.ok })

            try harness.store.database.run(
                "UPDATE entries SET sealed = replace(sealed, 'pd2:', 'pd2:A') WHERE device_id = ? AND seq = 1",
                journal.deviceId
            )
            let journals = try #require(try harness.store.verifyStore().first { $0.kind == .deviceJournals })
            #expect(!journals.ok)
            #expect(journals.findings.first?.seq == 1)
        }
    }

    @Test(arguments: [
        "UPDATE entries SET payload = replace(payload, '澄迈福山瓜菜合作社', '澄迈某合作社') WHERE device_id = ? AND seq = 2",
        "UPDATE entries SET hash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE device_id = ? AND seq = 2",
        "DELETE FROM entries WHERE device_id = ? AND seq = 2",
    ])
    func anEntryEditedInSQLFailsNamingDeviceAndSeq(edit: String) throws {
        try CentralHarness.with { harness in
            let (a, _) = try Self.storeWithTwoDevices(harness)
            try harness.store.database.run(edit, a.deviceId)
            let checks = try harness.store.verifyStore()
            let journals = try #require(checks.first { $0.kind == .deviceJournals })
            #expect(!journals.ok)
            #expect(journals.findings.count == 1)
            #expect(journals.findings.first?.device == a.deviceId)
            #expect(journals.findings.first?.seq == 2)
            #expect(journals.findings.first?.message.en.contains(a.deviceId) == true)
            #expect(checks.filter { $0.kind != .deviceJournals }.allSatisfy { $0.ok })
        }
    }

    @Test func aHeadThatDoesNotMatchTheJournalFails() throws {
        try CentralHarness.with { harness in
            let (_, b) = try Self.storeWithTwoDevices(harness)
            try harness.store.database.run("DELETE FROM entries WHERE device_id = ? AND seq = 3", b.deviceId)
            let journals = try #require(try harness.store.verifyStore().first { $0.kind == .deviceJournals })
            #expect(journals.findings.map(\.device) == [b.deviceId])
            #expect(journals.findings.first?.seq == 3)
        }
    }

    @Test func anAuditRecordEditedInSQLFailsTheAuditCheck() throws {
        try CentralHarness.with { harness in
            for outcome in [AuditOutcome.success, .failure, .success] {
                try harness.store.audit(AuditEvent(actor: "user:admin", action: "auth.login", outcome: outcome,
                                                   source: "127.0.0.1", status: 200))
            }
            try harness.store.database.execute("DROP TRIGGER audit_log_no_update")
            try harness.store.database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 2")
            let audit = try #require(try harness.store.verifyStore().first { $0.kind == .auditChain })
            #expect(!audit.ok)
            #expect(audit.findings.map(\.seq) == [2])
        }
    }
}
