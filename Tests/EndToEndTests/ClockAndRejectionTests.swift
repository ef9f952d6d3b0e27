import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Wrong device clocks and refused entries.
@Suite(.serialized)
struct ClockAndRejectionTests {
    @Test
    func aDeviceWhoseClockIsThreeDaysBehindSyncsAndStaysInCausalOrder() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let threeDays = String(-3 * 24 * 3600)
            let late = try await MarketDevice.enrolled(
                "late", node: "46010001", server: server, in: directory,
                environment: ["FIELD_CLOCK_OFFSET_SECONDS": threeDays]
            )
            let onTime = try await MarketDevice.enrolled("ontime", node: "46010001", server: server, in: directory)

            // The on-time device records first, then the late device, which has pulled it, sells from it.
            let batch = try await onTime.recordEvents(1).batches[0]
            try await onTime.sync()
            try await late.sync()
            _ = try await late.device.json("sell", batch, "--quantity", "30", "--buyer", "李四")
            let sync = try await late.device.json("sync")
            #expect(sync["applied"] == .integer(1))
            try await onTime.sync()

            let shown = try await onTime.device.json("show", batch)
            let events = try #require(shown["events"]?.arrayValue)
            #expect(events.map { $0["kind"]?.stringValue } == ["receipt", "sale"])
            let clocks = events.compactMap { $0["hlc"]?.stringValue.flatMap(HLCTimestamp.init) }
            #expect(clocks.count == 2 && clocks[0] < clocks[1], "the sale must order after the receipt it sold from")
            #expect(shown["balance"] == .string("70"))
            #expect(await shown == (try late.device.json("show", batch)))
        }
    }

    @Test
    func anEntryForAnUnknownProductIsRejectedAcknowledgedAndShownWhileTheTenBehindItApply() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            // The device's catalogue has a product the central store no longer knows.
            try Database(path: server.databasePath).run("DELETE FROM products WHERE code = '300106'")
            _ = try await a.device.json(
                "receive", "--product", "300106", "--quantity", "50", "--operator", a.operatorId,
                "--supplier", "文昌椰林种植场", "--origin", "469005"
            )
            _ = try await a.recordEvents(10)

            let sync = try await a.device.json("sync")
            #expect(sync["pushed"] == .integer(11))
            #expect(sync["rejected"] == .integer(1))
            #expect(sync["applied"] == .integer(10))
            let status = try await a.device.json("status")
            #expect(status["pending"] == .integer(0))
            let rejected = try #require(status["rejected"]?.arrayValue)
            #expect(rejected.count == 1)
            #expect(rejected.first?["reasonCode"] == .string("unknown_product"))
            let shown = try await a.device.run("status")
            #expect(shown.stdout.contains("被拒收"))
            #expect(shown.stdout.contains("300106"))
            let english = try await a.device.run("status", "--lang", "en")
            #expect(english.stdout.contains("rejected"))
            #expect(try Database(path: server.databasePath).scalar("SELECT acked_seq FROM devices WHERE node = '46010001'") == 11 + 0)
        }
    }
}
