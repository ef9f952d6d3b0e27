import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// What the real server answers to requests it must refuse.
@Suite(.serialized)
struct RefusalTests {
    @Test
    func malformedOversizedUnauthenticatedAndRevokedRequestsGetTheirStatusAndAMessage() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo", "--max-body-bytes", "65536"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let auth = ["Authorization": "Bearer \(try a.secret())", "Content-Type": "application/json"]

            let malformed = try await HTTP.send("POST", server.url + "/v1/sync/push", body: Data("{\"entries\": [".utf8), headers: auth)
            #expect(malformed.status == 400)
            #expect(malformed.body.contains("\"message\""))

            let huge = Data(("{\"entries\": [\"" + String(repeating: "x", count: 70_000) + "\"]}").utf8)
            let oversized = try await HTTP.send("POST", server.url + "/v1/sync/push", body: huge, headers: auth)
            #expect(oversized.status == 413)
            #expect(oversized.body.contains("\"message\""))

            let badSecret = try await HTTP.send(
                "GET", server.url + "/v1/sync/pull?cursor=0", headers: ["Authorization": "Bearer not-a-secret"]
            )
            #expect(badSecret.status == 401)
            #expect(badSecret.body.contains("\"message\""))

            let devices = try await server.admin("admin", "device", "list", "--json")
            let id = try #require(try devices.json().arrayValue?.first?["id"]?.stringValue)
            #expect(try await server.admin("admin", "device", "revoke", id).status == 0)
            let revoked = try await HTTP.send("GET", server.url + "/v1/sync/pull?cursor=0", headers: auth)
            #expect(revoked.status == 401)
            #expect(revoked.body.contains("revoked"))
            let sync = try await a.device.run("sync", "--attempts", "1")
            #expect(sync.status != 0)
            #expect(sync.stderr.contains("吊销"))
        }
    }
}
