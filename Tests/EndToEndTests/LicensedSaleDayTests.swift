import Foundation
import SyncCore
import CentralCore
import Testing
import TestSupport

/// Licences at the point of sale through real `field` devices and a real `sync-server` (issue 17 items 4–6): the
/// farm-input shop 绿丰农资店 (46900101) sells 氧乐果, a restricted pesticide, to a licensed shop (no conflict) and,
/// on a second device offline, to a shop with no licence on record (recorded, and an `unlicensed_sale` conflict in
/// the admins' queue); that shop's licence recorded afterwards leaves the conflict for the admin, who accepts it;
/// both devices converge. The LPG depot (46010601) delivers cylinders to a licensed filling station with its carrier,
/// permit and vehicle: the admins' feed shows them, the public page does not; the EPCIS export is valid.
@Suite
struct LicensedSaleDayTests {
    static let shop = "46900101", depot = "46010601"
    static let omethoate = "600104", lpg = "800101"
    static let licensed = "OP-46900101-002", unlicensed = "OP-46900101-003", station = "OP-46010601-002"
    static let carrier = "海南琼运危险货物运输有限公司", permit = "琼交运管许可海字460100000321号", plate = "琼A·D1234"

    /// A server with the demo data and the two fixture nodes, devices `a`, `b` at the shop and `c` at the depot.
    static func with(_ body: (ConflictMarket, MarketDevice) async throws -> Void) async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            for node in [
                ["--code", shop, "--name", "澄迈县金江镇绿丰农资店", "--kind", "farm_input_shop", "--region", "469023"],
                ["--code", depot, "--name", "海口市椰海液化气储配站", "--kind", "warehouse", "--region", "460107"],
            ] {
                let added = try await server.admin(["admin", "node", "add"] + node)
                #expect(added.status == 0, "\(added)")
            }
            let a = try await MarketDevice.enrolled("a", node: shop, server: server, in: directory)
            let b = try await MarketDevice.enrolled("b", node: shop, server: server, in: directory)
            let c = try await MarketDevice.enrolled("c", node: depot, server: server, in: directory)
            try await body(ConflictMarket(server: server, a: a, b: b), c)
        }
    }

    /// Runs `field ARGUMENTS --json` on `device`, which must succeed.
    @discardableResult
    static func run(_ device: MarketDevice, _ arguments: String...) async throws -> JSONValue {
        let result = try await device.device.run(arguments + ["--json"])
        #expect(result.status == 0, "\(result)")
        return try result.json()
    }

    @Test
    func theShopsRestrictedPesticideSalesAreCheckedAgainstTheBuyersLicences() async throws {
        try await Self.with { market, _ in
            let (a, b) = (market.a, market.b)
            try await Self.run(a, "operator", "add", "--id", "OP-46900101-001", "--name", "澄迈县金江镇绿丰农资店",
                         "--credit-code", "92469023MA5T2L6H0N")
            let registered = try await Self.run(
                a, "operator", "add", "--id", Self.licensed, "--name", "澄迈县老城镇丰收农资代销点",
                "--credit-code", "92469023MA5T7K3P2H", "--licence", "农药经营琼2025469023015",
                "--licence-kind", "pesticide_operating_licence", "--valid-from", "2025-06-01", "--valid-until", "2030-05-31"
            )
            #expect(registered["licences"]?.arrayValue?.first?["number"] == .string("农药经营琼2025469023015"))
            try await Self.run(a, "operator", "add", "--id", Self.unlicensed, "--name", "澄迈县永发镇惠农农资店",
                         "--credit-code", "92469023MA5TQ8W41W")
            // A licence that is not one, or half given, is refused with what to do, and nothing is recorded.
            let bad = try await a.device.run("operator", "licence", "--operator", Self.unlicensed, "--licence", "琼2026",
                                       "--licence-kind", "pesticide_operating_licence", "--valid-from", "2026-01-05",
                                       "--valid-until", "2031-01-04")
            #expect(bad.status != 0 && bad.stderr.contains("农药经营许可证编号"), "\(bad)")
            let half = try await a.device.run("operator", "licence", "--operator", Self.unlicensed, "--licence", "农药经营琼2026469023021")
            #expect(half.status != 0 && half.stderr.contains("--valid-until"), "\(half)")

            let batch = try await market.receive(on: a, quantity: "60", operatorId: "OP-46900101-001", product: Self.omethoate,
                                           supplier: "海南丰禾农资有限公司",
                                           extra: ["--lot-number", "20260815", "--expiry", "2028-08-14"]).code
            #expect(try await market.sync(a)["conflicts"] == .integer(0))
            try await market.sync(b)

            // The licensed shop's purchase opens nothing; the unlicensed one, made offline on B, is recorded and flagged.
            try await Self.run(a, "sell", batch, "--quantity", "20", "--buyer", Self.licensed, "--price", "18")
            #expect(try await market.sync(a)["conflicts"] == .integer(0))
            let sale = try #require(try await Self.run(b, "sell", batch, "--quantity", "10", "--buyer", Self.unlicensed)["eventId"]?.stringValue)
            let pushed = try await market.sync(b)
            #expect(pushed["applied"] == .integer(0) && pushed["conflicts"] == .integer(1) && pushed["rejected"] == .integer(0))

            let open = try await market.listed("--kind", "unlicensed_sale", "--status", "open", "--node", Self.shop)
            #expect(open.count == 1)
            let conflict = try #require(open.first)
            #expect(conflict.kind == .unlicensedSale && conflict.batchCode == batch && conflict.target == sale)
            #expect(conflict.candidates.map(\.eventId) == [sale])
            #expect(conflict.candidates.first?.value == "buyer \(Self.unlicensed): no pesticide_operating_licence on record")
            #expect(conflict.candidates.first?.author == "检测员b")

            // Its licence recorded afterwards (the shop brings it in) is on record for later sales; the conflict stays.
            let late = try await Self.run(a, "operator", "licence", "--operator", Self.unlicensed, "--licence", "农药经营琼2026469023021",
                                    "--licence-kind", "pesticide_operating_licence", "--valid-from", "2026-01-05",
                                    "--valid-until", "2031-01-04")
            #expect(late["licences"]?.arrayValue?.count == 1)
            #expect(try await market.sync(a)["conflicts"] == .integer(0))
            #expect(try await market.listed("--kind", "unlicensed_sale", "--status", "open") == [conflict])
            try await Self.run(b, "sync")
            try await Self.run(b, "sell", batch, "--quantity", "5", "--buyer", Self.unlicensed)
            #expect(try await market.sync(b)["conflicts"] == .integer(0))

            // Both devices show the sale standing with the open conflict, alike.
            for device in [a, b] {
                try await market.sync(device)
                #expect(try await market.shown(batch, on: device)["sold"] == .string("35"))
                #expect(try await market.conflicts(of: batch, on: device) == [conflict])
            }
            let resolved = try await market.resolve(conflict, ["--action", "accept"],
                                              note: "许可证 农药经营琼2026469023021 自 2026-01-05 起有效，销售时已持证，补录在后，接受")
            #expect(resolved.resolution?.action == .accept)
            let shown = try await market.expectBothPulled(resolved, on: batch)
            #expect(shown["balance"] == .string("25"))
        }
    }

    @Test
    func aHazardousDeliveryRecordsItsCarrierForTheAdminsAndNotForConsumers() async throws {
        try await Self.with { market, c in
            try await Self.run(c, "operator", "add", "--id", "OP-46010601-001", "--name", "海口市椰海液化气储配站",
                         "--credit-code", "91460100MA5RP4K903")
            try await Self.run(c, "operator", "add", "--id", Self.station, "--name", "海口市南海大道加油加气站",
                         "--credit-code", "91460100MA5TM2B708", "--licence", "琼海应急经字〔2025〕000087",
                         "--licence-kind", "hazardous_chemicals_licence", "--valid-from", "2025-07-15",
                         "--valid-until", "2028-07-14")
            let batch = try await market.receive(on: c, quantity: "200", operatorId: "OP-46010601-001", product: Self.lpg,
                                           supplier: "中海石油海南液化石油气有限公司").code
            // A permit that is not one is refused before anything is recorded.
            let bad = try await c.device.run("sell", batch, "--quantity", "40", "--buyer", Self.station, "--carrier", Self.carrier,
                                       "--carrier-permit", "qy 1", "--vehicle", Self.plate)
            #expect(bad.status != 0 && bad.stderr.contains("道路危险货物运输许可证"), "\(bad)")
            let sold = try await Self.run(c, "sell", batch, "--quantity", "40", "--buyer", Self.station, "--carrier", Self.carrier,
                                    "--carrier-permit", Self.permit, "--vehicle", Self.plate)
            let child = try #require(sold["code"]?.stringValue)
            // Without a carrier's permit the same delivery stands and is flagged.
            try await Self.run(c, "sell", batch, "--quantity", "10", "--buyer", Self.station)
            #expect(try await market.sync(c)["conflicts"] == .integer(1))
            let flagged = try await market.listed("--kind", "unlicensed_sale", "--node", Self.depot)
            #expect(flagged.first?.candidates.first?.value == "carrier: no dangerous_goods_transport_permit")

            // The admins' feed carries the carrier, its permit and the vehicle.
            let feed = try await market.server.admin("export", "feed", "--limit", "1000")
            #expect(feed.status == 0, "\(feed)")
            let delivery = try #require(try feed.json().decode(FeedPage.self).items.first {
                $0.kind == .sale && $0.fields["childCode"] == .string(child)
            })
            #expect(delivery.fields["carrier"] == .string(Self.carrier))
            #expect(delivery.fields["carrierPermit"] == .string(Self.permit))
            #expect(delivery.fields["vehiclePlate"] == .string(Self.plate))

            // The consumer's page of the cylinder's code shows none of them.
            let page = try await HTTP.get(market.server.url + "/t/\(child)")
            #expect(page.status == 200)
            for secret in [Self.carrier, Self.permit, Self.plate, "琼交运管"] {
                #expect(!page.body.contains(secret), "the public page shows \(secret)")
            }
            let json = try await HTTP.get(market.server.url + "/v1/trace/\(child)")
            for secret in [Self.carrier, Self.permit, Self.plate] { #expect(!json.body.contains(secret)) }

            // EPCIS: valid against GS1's schema, without the carrier.
            let token = try await market.server.adminSession()
            let today = BusinessTime.dayOf(BusinessTime.now())
            let epcis = try await HTTP.get(market.server.url + "/v1/export/epcis?from=\(today)&to=\(today)",
                                           headers: ["Authorization": "Bearer \(token)"])
            #expect(epcis.status == 200)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("hazardous-epcis-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(epcis.body.utf8).write(to: file)
            #expect(try await EPCISValidation.violations(ofFile: file) == [])
            #expect(!epcis.body.contains(Self.plate))
        }
    }
}
