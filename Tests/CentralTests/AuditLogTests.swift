import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

@Suite("The audit log")
struct AuditLogTests {
    private let day: Int64 = 86_400_000

    private func withStore<T>(_ body: (CentralStore) throws -> T) throws -> T {
        try withTemporaryDirectory { directory in
            let store = try CentralStore(path: directory.appendingPathComponent("central.sqlite").path)
            store.clock = { 1_800_000_000_000 }
            return try body(store)
        }
    }

    private func login(_ name: String, _ outcome: AuditOutcome = .success) -> AuditEvent {
        AuditEvent(actor: "user:\(name)", action: "auth.login", outcome: outcome, source: "127.0.0.1", status: 200)
    }

    @Test func recordsChainAndVerify() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao"] { try store.audit(login(name)) }
            let records = try store.auditRecords()
            #expect(records.map(\.seq) == [1, 2, 3])
            #expect(records[0].prev == AuditRecord.genesis)
            #expect(records[1].prev == records[0].hash && records[2].prev == records[1].hash)
            #expect(records[2].event == login("zhao"))
            #expect(try store.verifyAuditChain() == nil)
        }
    }

    @Test func updatesAndDeletesAreRefusedBySQLite() throws {
        try withStore { store in
            try store.audit(login("li"))
            #expect(throws: DatabaseError.self) { try store.database.run("UPDATE audit_log SET actor = 'user:x'") }
            #expect(throws: DatabaseError.self) { try store.database.run("DELETE FROM audit_log") }
            #expect(try store.auditRecords().map(\.event.actor) == ["user:li"])
        }
    }

    @Test func verifyNamesTheFirstAlteredRecordAfterARawEdit() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.run("UPDATE audit_log SET outcome = 'failure' WHERE seq = 2")
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .altered, seq: 2))
        }
    }

    @Test func verifyNamesAMissingRecord() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao", "qian"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq = 2")
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .missing, seq: 2))
            try store.database.run("DELETE FROM audit_log WHERE seq = 4")
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .missing, seq: 2))
        }
    }

    @Test func verifyNamesATruncatedTail() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq = 3")
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .missing, seq: 3))
        }
    }

    @Test func verifyNamesARecordWhosePredecessorWasRewritten() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao"] { try store.audit(login(name)) }
            let second = try store.auditRecords()[1]
            var forged = second.event
            forged.actor = "user:mallory"
            // Only a holder of the key can rehash a record so that it matches; its successor still names the old hash.
            let forgedHash = AuditRecord.keyedHash(seq: 2, at: second.at, event: forged, prev: second.prev, key: store.auditKey)
            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.run("UPDATE audit_log SET actor = 'user:mallory', hash = ? WHERE seq = 2", forgedHash)
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .brokenLink, seq: 3))
        }
    }

    @Test func purgeRemovesOldRecordsAndKeepsTheChainVerifiable() throws {
        try withStore { store in
            var now: Int64 = 1_800_000_000_000
            store.clock = { now }
            try store.audit(login("old1"))
            try store.audit(login("old2"))
            now += 100 * day
            try store.audit(login("recent"))
            now += 90 * day
            #expect(try store.purgeAudit(retentionDays: 183) == 2)
            let records = try store.auditRecords()
            #expect(records.map(\.event.actor) == ["user:recent", "system"])
            #expect(records.last?.event.action == "audit.purge")
            #expect(try store.verifyAuditChain() == nil)
            #expect(try store.purgeAudit(retentionDays: 183) == 0)
            now += 200 * day
            try store.audit(login("later"))
            #expect(try store.purgeAudit(retentionDays: 183) == 2)
            #expect(try store.auditRecords().map(\.event.actor) == ["user:later", "system"])
            #expect(try store.verifyAuditChain() == nil)
        }
    }

    @Test func purgingEveryRecordStillLeavesAVerifiableLog() throws {
        try withStore { store in
            var now: Int64 = 1_800_000_000_000
            store.clock = { now }
            try store.audit(login("old1"))
            try store.audit(login("old2"))
            now += 200 * day
            #expect(try store.purgeAudit(retentionDays: 183) == 2)
            #expect(try store.auditRecords().map(\.event.action) == ["audit.purge"])
            #expect(try store.verifyAuditChain() == nil)
            try store.audit(login("new"))
            #expect(try store.verifyAuditChain() == nil)
        }
    }

    @Test func purgeRefusesARetentionShorterThanSixMonths() throws {
        try withStore { store in
            try store.audit(login("li"))
            #expect(throws: TraceSyncError.self) { try store.purgeAudit(retentionDays: 30) }
            #expect(try store.auditRecords().count == 1)
        }
    }

    @Test func listFiltersByTimeActorAndActionPrefix() throws {
        try withStore { store in
            var now: Int64 = 1_000
            store.clock = { now }
            try store.audit(login("li"))
            now = 2_000
            try store.audit(AuditEvent(actor: "cli:root", action: "device.revoke", target: "d1", outcome: .success))
            now = 3_000
            try store.audit(login("wang", .failure))
            #expect(try store.auditRecords(action: "auth").map(\.seq) == [1, 3])
            #expect(try store.auditRecords(action: "auth.log").isEmpty)
            #expect(try store.auditRecords(actor: "cli:root").map(\.seq) == [2])
            #expect(try store.auditRecords(since: 2_000, until: 3_000).map(\.seq) == [2])
        }
    }
}
