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
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let b = try await MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let c = try await MarketDevice.enrolled("c", node: "46010002", server: server, in: directory)

            let recorded = try await a.recordEvents(50)
            #expect(recorded.events == 50)
            let sync = try await a.device.json("sync")
            #expect(sync["pushed"] == .integer(50))
            #expect(sync["applied"] == .integer(50))

            try await b.sync()
            let seenByB = try await b.device.json("batches")
            let codesSeenByB = Set(try #require(seenByB.arrayValue).compactMap { $0["code"]?.stringValue })
            #expect(codesSeenByB == Set(recorded.batches))
            for code in recorded.batches.prefix(3) {
                #expect(try await b.device.json("show", code)["balance"] == a.device.json("show", code)["balance"])
            }

            try await c.sync()
            #expect(try await c.device.json("batches").arrayValue?.isEmpty == true)
            let refusal = try await HTTP.send(
                "GET", server.url + "/v1/sync/pull?cursor=0&limit=10&node=46010001",
                headers: ["Authorization": "Bearer \(try c.secret())"]
            )
            #expect(refusal.status == 403)
            #expect(refusal.body.contains("46010001"))
        }
    }
}
