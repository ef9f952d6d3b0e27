import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The audit log of a running server, read and checked with `sync-server admin audit`: enrollments, refused
/// requests and admin commands are recorded, exports hold them, and `verify` names the first record edited by hand.
@Suite(.serialized)
struct AuditTrailTests {
    @Test
    func theAuditLogRecordsEachCaseAndVerifyNamesTheFirstEditedRecord() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let device = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let refused = try await HTTP.send("GET", server.url + "/v1/sync/pull", headers: ["Authorization": "Bearer wrong-secret"])
            #expect(refused.status == 401)
            let devices = try await server.admin("admin", "device", "list", "--json")
            let deviceId = try #require(try devices.json().arrayValue?.first?["id"]?.stringValue)
            let revoke = try await server.admin("admin", "device", "revoke", deviceId)
            #expect(revoke.status == 0, "\(revoke)")
            let sync = try await device.device.run("sync", "--attempts", "1")
            #expect(sync.status != 0)

            let listed = try await server.admin("admin", "audit", "list", "--json")
            #expect(listed.status == 0, "\(listed)")
            let records = try #require(try listed.json().arrayValue)
            func find(_ action: String) -> JSONValue? { records.first { $0["action"]?.stringValue == action } }
            #expect(find("device.enroll")?["outcome"]?.stringValue == "success")
            #expect(find("device.enroll")?["source"]?.stringValue == "127.0.0.1")
            let revocation = try #require(find("device.revoke"))
            #expect(revocation["actor"]?.stringValue?.hasPrefix("cli:") == true)
            #expect(revocation["target"]?.stringValue == deviceId)
            let refusals = records.filter { $0["action"]?.stringValue == "request.refused" }
            #expect(refusals.contains { $0["actor"]?.stringValue == "anonymous" && $0["status"] == .integer(401) })
            #expect(refusals.contains { $0["actor"]?.stringValue == "device:\(deviceId)" })
            #expect(!listed.stdout.contains("wrong-secret"))
            #expect(!listed.stdout.contains(try device.secret()))

            let filtered = try await server.admin("admin", "audit", "list", "--action", "device", "--json")
            #expect(try filtered.json().arrayValue?.compactMap { $0["action"]?.stringValue }.allSatisfy { $0.hasPrefix("device.") } == true)

            let csv = directory.appendingPathComponent("audit.csv").path
            #expect(try await server.admin("admin", "audit", "export", "--to", csv, "--format", "csv").status == 0)
            let csvLines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
            #expect(csvLines.first == "seq,time,actor,action,target,outcome,source,status,detail,prev,hash")
            #expect(csvLines.count == records.count + 1)
            let jsonl = directory.appendingPathComponent("audit.jsonl").path
            #expect(try await server.admin("admin", "audit", "export", "--to", jsonl).status == 0)
            let exported = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
            #expect(try exported.prefix(records.count).map { try JSONValue.parse(String($0))["seq"] } == records.map { $0["seq"] })
            #expect(try exported.last.map { try JSONValue.parse(String($0))["action"]?.stringValue } == "audit.export")
            #expect(try await server.admin("admin", "audit", "export", "--to", jsonl).status != 0, "an export never overwrites")

            let intact = try await server.admin("admin", "audit", "verify")
            #expect(intact.status == 0, "\(intact)")

            let database = try Database(path: server.databasePath)
            try database.execute("DROP TRIGGER audit_log_no_update")
            try database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 2")
            let broken = try await server.admin("admin", "audit", "verify")
            #expect(broken.status != 0)
            #expect(broken.stderr.contains("#2"), "\(broken)")
        }
    }
}
