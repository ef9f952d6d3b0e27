import Foundation
@testable import SyncCore
@testable import CentralCore
@testable import CentralSQLite
import Testing
import TestSupport

/// `sync-server admin audit verify` against a writer of the database file: a log rewritten with the published hash
/// formula fails naming the first forged record, and a tail cut off before a head the server logged or a backup
/// recorded fails against that head.
@Suite struct AuditVerifyCommandTests {
    static func login(_ name: String) -> AuditEvent {
        AuditEvent(actor: "user:\(name)", action: "auth.login", outcome: .success, source: "127.0.0.1", status: 200)
    }

    /// Recomputes every record's hash and link from `seq` on with the unkeyed formula anyone can read.
    static func rechain(_ database: Database, from seq: Int64) throws {
        var prev = try database.row("SELECT hash FROM audit_log WHERE seq = ?", seq - 1)?.string("hash") ?? AuditRecord.genesis
        for record in try database.query("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", [seq]).map(CentralStore.auditRecord) {
            let hash = AuditRecord.unkeyedHash(seq: record.seq, at: record.at, event: record.event, prev: prev)
            try database.run("UPDATE audit_log SET prev = ?, hash = ? WHERE seq = ?", prev, hash, record.seq)
            prev = hash
        }
    }

    @Test func aRecordDeletedWithTheRestRenumberedRechainedAndTheSequenceRewoundIsNamed() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let database = directory.appendingPathComponent("central.sqlite").path
            let store = try CentralStore(path: database)
            for name in ["li", "wang", "zhao", "qian", "sun"] { try store.audit(Self.login(name)) }
            let intact = try await SyncServerBinary.run(["admin", "audit", "verify", "--db", database])
            #expect(intact.status == 0, "\(intact.output)")

            try store.database.execute("DROP TRIGGER audit_log_no_update")
            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq = 2")
            try store.database.run("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2")
            try store.database.run("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log'")
            try Self.rechain(store.database, from: 2)
            let forged = try await SyncServerBinary.run(["admin", "audit", "verify", "--db", database])
            #expect(forged.status == 1)
            #expect(forged.output.contains("audit record #2 does not match its hash"), "\(forged.output)")
        }
    }

    // Five minutes: its commands wait their turn among the suite's other child processes (`ChildProcessSlots`).
    @Test(.timeLimit(.minutes(5)))
    func aTailCutOffBeforeTheHeadTheServerLoggedOrABackupRecordedFails() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            let store = try CentralStore(path: server.databasePath)
            for name in ["li", "wang", "zhao", "qian", "sun"] { try store.audit(Self.login(name)) }
            try await server.start()
            var logged: String?
            for _ in 0..<200 where logged == nil {
                if let range = server.log.range(of: #"head=[0-9]+:[0-9a-f]{64}"#, options: .regularExpression) {
                    logged = String(server.log[range].dropFirst("head=".count))
                } else {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            await server.kill(SIGTERM)
            let head = try #require(logged, "the server logs the audit chain head at start:\n\(server.log)")
            #expect(Int(head.prefix { $0 != ":" }) ?? 0 >= 5)
            let backups = directory.appendingPathComponent("backups").path
            let backup = try await SyncServerBinary.run(["backup", "--db", server.databasePath, "--to", backups])
            #expect(backup.status == 0)
            #expect(backup.output.contains("audit chain head: \(try #require(try store.auditHead()))"), "\(backup.output)")
            let verify = ["admin", "audit", "verify", "--db", server.databasePath]
            let whole = try await SyncServerBinary.run(verify + ["--head", head, "--backup-dir", backups])
            #expect(whole.status == 0, "\(whole.output)")

            try store.database.execute("DROP TRIGGER audit_log_no_delete")
            try store.database.run("DELETE FROM audit_log WHERE seq > 3")
            try store.database.run("UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'")
            let unchecked = try await SyncServerBinary.run(verify)
            #expect(unchecked.status == 0, "a shorter log looks whole without a head kept apart")
            #expect(unchecked.output.contains("cut-off tail cannot show"))
            for arguments in [["--head", head], ["--backup-dir", backups]] {
                let cut = try await SyncServerBinary.run(verify + arguments)
                #expect(cut.status == 1, "\(arguments)")
                #expect(cut.output.contains("audit record #4 is missing"), "\(cut.output)")
            }
            let malformed = try await SyncServerBinary.run(verify + ["--head", "5:xyz"])
            #expect(malformed.status == 1)
            #expect(malformed.output.contains("is not of the form SEQ:HASH"), "\(malformed.output)")
        }
    }
}
