import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A writer of the database file who lacks the key rewrites the audit log with the hash formula anyone can read
/// (SHA-256 of the canonical JSON of a record), as an attacker would; the keyed chain names the first forged record.
@Suite("The keyed audit chain against a database writer")
struct AuditChainForgeryTests {
    private func withStore<T>(_ body: (CentralStore) throws -> T) throws -> T {
        try withTemporaryDirectory { directory in
            let store = try CentralStore(path: directory.appendingPathComponent("central.sqlite").path)
            store.clock = { 1_800_000_000_000 }
            return try body(store)
        }
    }

    private func login(_ name: String) -> AuditEvent {
        AuditEvent(actor: "user:\(name)", action: "auth.login", outcome: .success, source: "127.0.0.1", status: 200)
    }

    /// The published formula, written out here as an attacker would: SHA-256 of the RFC 8785 JSON of the fields.
    static func publishedHash(_ record: AuditRecord, prev: String) -> String {
        let event = record.event
        let content: JSONValue = .object([
            "action": .string(event.action), "actor": .string(event.actor), "at": .integer(record.at),
            "detail": event.detail.map(JSONValue.string) ?? .null, "outcome": .string(event.outcome.rawValue),
            "prev": .string(prev), "seq": .integer(record.seq), "source": event.source.map(JSONValue.string) ?? .null,
            "status": event.status.map { .integer(Int64($0)) } ?? .null,
            "target": event.target.map(JSONValue.string) ?? .null, "v": .integer(1),
        ])
        return SHA256Hex.of(content.canonicalBytes)
    }

    /// Recomputes the hash and link of every record from `seq` on with the published formula.
    static func rechain(_ database: Database, from seq: Int64) throws {
        var prev = try database.row("SELECT hash FROM audit_log WHERE seq = ?", seq - 1)?.string("hash") ?? AuditRecord.genesis
        for record in try database.query("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", [seq]).map(CentralStore.auditRecord) {
            let hash = publishedHash(record, prev: prev)
            try database.run("UPDATE audit_log SET prev = ?, hash = ? WHERE seq = ?", prev, hash, record.seq)
            prev = hash
        }
    }

    @Test func anEditedRecordWithEveryLaterHashRecomputedIsNamed() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao", "qian", "sun"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 3")
            try Self.rechain(store.database, from: 3)
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .altered, seq: 3))
        }
    }

    @Test func aDeletedRecordWithTheLaterOnesRenumberedRechainedAndTheSequenceRewoundIsNamed() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao", "qian", "sun"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq = 2")
            try store.database.run("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2")
            try store.database.run("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log'")
            try Self.rechain(store.database, from: 2)
            #expect(try store.auditRecords().map(\.event.actor) == ["user:li", "user:zhao", "user:qian", "user:sun"])
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .altered, seq: 2))
        }
    }

    @Test func theChainIsKeyedUnderTheDataKeyAndAnotherKeyDoesNotVerifyIt() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let store = try CentralStore(path: path)
            try store.audit(login("li"))
            let record = try #require(try store.auditRecords().first)
            #expect(record.hash != Self.publishedHash(record, prev: record.prev))
            #expect(record.hash == AuditRecord.keyedHash(seq: 1, at: record.at, event: record.event, prev: record.prev,
                                                         key: AuditKey(dataKey: try DataKey.resolve(databasePath: path))))
            #expect(record.hash != AuditRecord.keyedHash(seq: 1, at: record.at, event: record.event, prev: record.prev,
                                                         key: AuditKey(dataKey: .random())))
        }
    }

    @Test func aTailCutOffBeforeARecordedHeadIsNamedAgainstThatHead() throws {
        try withStore { store in
            for name in ["li", "wang", "zhao", "qian", "sun"] { try store.audit(login(name)) }
            let head = try #require(try store.auditHead())
            #expect(head.seq == 5)
            #expect(try store.verifyAuditChain(against: [head]) == nil)
            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq > 3")
            try store.database.run("UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'")
            #expect(try store.verifyAuditChain() == nil, "without a head kept apart a shorter log looks whole")
            #expect(try store.verifyAuditChain(against: [head]) == AuditChainProblem(kind: .missing, seq: 4))
        }
    }

    @Test func aLogRebuiltFromAnOlderCopyIsNamedAtTheRecordedHead() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let store = try CentralStore(path: path)
            for name in ["li", "wang", "zhao"] { try store.audit(login(name)) }
            let copy = directory.appendingPathComponent("older.sqlite").path
            try store.database.execute("VACUUM INTO '\(copy)'")
            for name in ["qian", "sun"] { try store.audit(login(name)) }
            let head = try #require(try store.auditHead())

            let older = try CentralStore(path: copy, dataKey: DataKey.resolve(databasePath: path))
            for name in ["zhou", "wu"] { try older.audit(login(name)) }
            #expect(try older.verifyAuditChain() == nil)
            #expect(try older.verifyAuditChain(against: [head]) == AuditChainProblem(kind: .headMismatch, seq: 5))
        }
    }

    @Test func everyBackupRecordsTheHeadOfItsSnapshot() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let store = try CentralStore(path: path)
            for name in ["li", "wang"] { try store.audit(login(name)) }
            let backups = directory.appendingPathComponent("backups")
            let first = try Backup.take(of: path, into: backups)
            #expect(first.coverage.auditHead == (try store.auditHead()))
            try store.audit(login("zhao"))
            let second = try Backup.take(of: path, into: backups)
            #expect(second.coverage.auditHead?.seq == 3)
            #expect(second.coverage.auditHead == (try store.auditHead()))
        }
    }

    @Test func aLogFromBeforeTheKeyedChainKeepsVerifyingAndIsSealedByItsKeyedRecord() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            try Self.makeUnkeyedStore(at: path, actors: ["li", "wang", "zhao"])

            let store = try CentralStore(path: path)
            let records = try store.auditRecords()
            #expect(records.map(\.event.action) == ["auth.login", "auth.login", "auth.login", "audit.chain.keyed"])
            #expect(records[3].event.detail == #"{"legacyThrough":3}"#)
            #expect(records[3].prev == records[2].hash)
            try store.audit(login("qian"))
            #expect(try store.verifyAuditChain() == nil)
            #expect(try CentralStore(path: path).auditRecords().count == 5, "the keyed record is written once")

            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 2")
            try Self.rechain(store.database, from: 2)
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .altered, seq: 4),
                    "an edit before the keyed chain shows at its keyed record at the latest")
        }
    }

    @Test func theKeyedRecordCannotBeMovedToPassKeyedRecordsOffAsUnkeyed() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            try Self.makeUnkeyedStore(at: path, actors: ["li"])
            let store = try CentralStore(path: path)
            for name in ["wang", "zhao"] { try store.audit(login(name)) }
            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.run(
                #"UPDATE audit_log SET detail = '{"legacyThrough":4}' WHERE action = 'audit.chain.keyed'"#
            )
            try store.database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 3")
            try Self.rechain(store.database, from: 2)
            #expect(try store.verifyAuditChain() == AuditChainProblem(kind: .altered, seq: 2))
        }
    }

    /// A store as it was before the chain was keyed: records hashed with the published formula, and the keying
    /// migration not yet applied.
    static func makeUnkeyedStore(at path: String, actors: [String]) throws {
        let store = try CentralStore(path: path)
        var prev = AuditRecord.genesis
        for (index, actor) in actors.enumerated() {
            let seq = Int64(index + 1)
            let record = AuditRecord(seq: seq, at: 1_800_000_000_000 + seq, event: AuditEvent(
                actor: "user:\(actor)", action: "auth.login", outcome: .success, source: "127.0.0.1", status: 200
            ), prev: prev, hash: "")
            let hash = publishedHash(record, prev: prev)
            try store.database.run(
                """
                INSERT INTO audit_log (seq, at, actor, action, outcome, source, status, prev, hash)
                VALUES (?, ?, ?, 'auth.login', 'success', '127.0.0.1', 200, ?, ?)
                """,
                seq, record.at, record.event.actor, prev, hash
            )
            prev = hash
        }
        try store.database.execute("DROP TABLE audit_keying_pending")
        try store.database.run("DELETE FROM schema_migrations WHERE name = 'v8-audit-keyed-chain'")
    }
}
