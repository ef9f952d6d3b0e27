import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Devices of one market see each other's records after a sync; a device of another market sees none.
@Suite(.serialized)
struct SyncScopeTests {
    @Test
    func devicesOfAMarketShareRecordsAndOtherMarketsSeeNone() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try server.start(["--demo"])
            defer { server.kill() }
            let a = try MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let b = try MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let c = try MarketDevice.enrolled("c", node: "46010002", server: server, in: directory)

            let recorded = try a.recordEvents(50)
            #expect(recorded.events == 50)
            let sync = try a.device.json("sync")
            #expect(sync["pushed"] == .integer(50))
            #expect(sync["applied"] == .integer(50))

            try b.sync()
            let seenByB = try b.device.json("batches")
            let codesSeenByB = Set(try #require(seenByB.arrayValue).compactMap { $0["code"]?.stringValue })
            #expect(codesSeenByB == Set(recorded.batches))
            for code in recorded.batches.prefix(3) {
                #expect(try b.device.json("show", code)["balance"] == a.device.json("show", code)["balance"])
            }

            try c.sync()
            #expect(try c.device.json("batches").arrayValue?.isEmpty == true)
            let refusal = try await HTTP.send(
                "GET", server.url + "/v1/sync/pull?cursor=0&limit=10&node=46010001",
                headers: ["Authorization": "Bearer \(try c.secret())"]
            )
            #expect(refusal.status == 403)
            #expect(refusal.body.contains("46010001"))
        }
    }
}
