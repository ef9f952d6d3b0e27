import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Issue 11: a buyer and a price set by `field correct` reached the exchange feed. Recorded on a real `field`
/// device, synced to a real `sync-server`, and read back through every outward view and the CLI exports.
@Suite(.serialized)
struct CorrectedSecretsTests {
    static let node = "46010001"
    static let buyer = "更正后买家琼山区何记", price = "88.19"

    @Test
    func aBuyerAndPriceSetByACorrectionReachNoExportOrPublicViewButTheRecall() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let token = try await server.adminSession()
            let market = try await MarketDevice.enrolled("correcting", node: Self.node, server: server, in: directory)
            let batch = try #require(try await market.device.json(
                "receive", "--product", "100101", "--quantity", "80", "--operator", market.operatorId,
                "--supplier", "澄迈金江屠宰场", "--origin", "469023"
            )["code"]?.stringValue)
            let sale = try await market.device.json("sell", batch, "--quantity", "30", "--buyer", "和平市场陈记肉档",
                                              "--price", "26.45")
            let saleEvent = try #require(sale["eventId"]?.stringValue), child = try #require(sale["code"]?.stringValue)
            let corrected = try await market.device.run("correct", saleEvent, "--set", "buyer=\(Self.buyer)", "--set",
                                                  "price=\(Self.price)")
            #expect(corrected.status == 0, "\(corrected)")
            try await market.sync()

            let cliFeed = try await server.admin("export", "feed", "--limit", "1000")
            #expect(cliFeed.status == 0, "\(cliFeed)")
            let feed = try cliFeed.json().decode(FeedPage.self)
            let correction = try #require(feed.items.first { $0.kind == .correction }, "the correction is fed")
            #expect(correction.fields["target"] == .string(saleEvent))
            #expect(correction.fields["fields"] == .object([:]), "neither field may leave: \(correction.fields)")

            let auth = ["Authorization": "Bearer \(token)"]
            let today = BusinessTime.dayOf(BusinessTime.now())
            var views = ["export feed": cliFeed.stdout]
            views["/v1/export/feed"] = try await HTTP.get(server.url + "/v1/export/feed?limit=1000", headers: auth).body
            views["/v1/export/epcis"] = try await HTTP.get(server.url + "/v1/export/epcis?from=\(today)&to=\(today)", headers: auth).body
            for kind in ["batches", "inspections", "sales"] {
                views["/v1/export/csv/\(kind)"] = try await HTTP.get(
                    server.url + "/v1/export/csv/\(kind)?from=\(today)&to=\(today)", headers: auth
                ).body
                views["export csv --kind \(kind)"] = try await server.admin("export", "csv", "--kind", kind, "--from", today, "--to", today).stdout
            }
            for code in [batch, child] {
                views["/v1/trace/\(code)"] = try await HTTP.get(server.url + "/v1/trace/\(code)").body
                views["/t/\(code)"] = try await HTTP.get(server.url + "/t/\(code)").body
            }
            for (view, text) in views {
                #expect(!text.isEmpty, "\(view) answered")
                for secret in [Self.buyer, Self.price, "和平市场陈记肉档", "26.45"] {
                    #expect(!text.contains(secret), "\(view) shows \(secret)")
                }
            }

            let recall = try await HTTP.get(server.url + "/v1/admin/recall/\(batch)", headers: auth)
            #expect(recall.status == 200)
            let report = try JSONValue.parse(recall.body).decode(RecallReport.self)
            #expect(report.rows.map(\.buyer) == [Self.buyer], "the recall names the corrected buyer")
            #expect(!recall.body.contains(Self.price))
        }
    }
}
