import Foundation
import SyncCore
import CentralCore
import Testing
import TestSupport

/// A pharmacy chain's day on real `field` devices and a real `sync-server`: a wholesaler receives amoxicillin boxes
/// with their 药品追溯码, packs them into cases and the cases onto a pallet, and sells a case whole to a pharmacy
/// (the second device), which receives it and sells a box to a customer. The recall of the case reaches every box in
/// it and both sales; a customer scanning a box finds its case, pallet, batch, origin, approval number and expiry,
/// and nothing secret; the devices agree with the server; the day's EPCIS export is valid against GS1's schema.
@Suite(.serialized)
struct PharmacyDayTests {
    static let wholesaler = "46010301", pharmacy = "46010302"
    static let wholesalerName = "海南南渡江医药有限公司", pharmacyName = "海口椰城大药房连锁有限公司"
    static let boxes = ["81462350000123450017", "81462350000123450024", "81462350000123450031",
                        "81462350000123450048", "81462350000123450055", "81462350000123450062"]
    static let approval = "国药准字H46020101", lot = "240618", expiry = "2028-06-30"
    static let prices = ["18.60", "26.80"], customer = "顾客符女士"

    @Test
    func aCaseSoldToAPharmacyIsRecalledToEveryBoxAndACustomerSeesTheBoxsCaseBatchAndExpiry() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            for (code, name, kind) in [(Self.wholesaler, Self.wholesalerName, "wholesaler"),
                                       (Self.pharmacy, Self.pharmacyName, "pharmacy")] {
                let added = try await server.admin("admin", "node", "add", "--code", code, "--name", name, "--kind", kind,
                                             "--region", "460106")
                #expect(added.status == 0, "\(added)")
            }
            try await server.start()
            defer { server.stop() }
            let token = try await server.adminSession()

            // The wholesaler: receipt with every box scanned, two cases, one pallet, a case sold whole.
            let wholesale = try await MarketDevice.enrolled("wholesale", node: Self.wholesaler, server: server, in: directory)
            let keeper = try await Self.registered(wholesale, Self.wholesalerName, creditCode: "91460100MA5RK7D30H")
            let batch = try await Self.fact(wholesale, ["receive", "--product", "500101", "--quantity", "6", "--operator", keeper,
                                                  "--supplier", "海南海神同洲制药有限公司", "--origin", "460106",
                                                  "--approval-number", Self.approval, "--lot-number", Self.lot,
                                                  "--expiry", Self.expiry] + Self.items(Self.boxes), "code")
            let caseA = try await Self.fact(wholesale, ["pack", batch] + Self.items(Array(Self.boxes[0..<3])), "container")
            let caseB = try await Self.fact(wholesale, ["pack", batch] + Self.items(Array(Self.boxes[3...])), "container")
            let pallet = try await Self.fact(wholesale, ["pack", batch, "--pallet", "--item", caseA, "--item", caseB], "container")
            let toPharmacy = try await Self.fact(wholesale, ["sell", batch, "--quantity", "3", "--buyer", Self.pharmacyName,
                                                       "--price", Self.prices[0], "--case", caseA], "code")
            let contents = try await wholesale.device.run("show", batch)
            #expect(contents.stdout.contains("装箱"), "\(contents)")
            try await wholesale.sync()

            // The pharmacy receives the case by the sale's code and sells a box.
            let shop = try await MarketDevice.enrolled("pharmacy", node: Self.pharmacy, server: server, in: directory)
            let clerk = try await Self.registered(shop, Self.pharmacyName, creditCode: "91460100MA5U0P8N0E")
            let shelf = try await Self.fact(shop, ["receive", "--product", "500101", "--quantity", "3", "--operator", clerk,
                                             "--supplier", Self.wholesalerName, "--origin", "460106",
                                             "--upstream-code", toPharmacy, "--approval-number", Self.approval,
                                             "--lot-number", Self.lot, "--expiry", Self.expiry]
                                             + Self.items(Array(Self.boxes[0..<3])), "code")
            let toCustomer = try await Self.fact(shop, ["sell", shelf, "--quantity", "1", "--buyer", Self.customer,
                                                  "--price", Self.prices[1]], "code")
            try await shop.sync()

            // The recall of the case reaches its three boxes, the sale to the pharmacy and the pharmacy's sale.
            let recall = try await Self.recall(server, caseA, token: token)
            #expect(recall.items?.map(\.code) == Array(Self.boxes[0..<3]))
            #expect(recall.items?.allSatisfy { $0.batchCode == batch && $0.container == caseA } == true)
            #expect(recall.rows.map(\.childCode) == [toPharmacy, toCustomer])
            #expect(recall.rows.map(\.depth) == [0, 1])
            // The pallet's recall reaches all six boxes and the sale of the case on it.
            let palletRecall = try await Self.recall(server, pallet, token: token)
            #expect(palletRecall.items?.map(\.code) == Self.boxes)
            #expect(palletRecall.rows.first?.childCode == toPharmacy)
            let table = try await server.admin("admin", "recall", caseA)
            #expect(table.status == 0 && table.stdout.contains(toPharmacy), "\(table)")

            // A customer scans a box: its case, pallet, batch, origin, approval number and expiry; nothing secret.
            let response = try await HTTP.get(server.url + "/v1/trace/" + Self.boxes[1])
            #expect(response.status == 200, "\(response.body)")
            let scanned = try JSONValue.parse(response.body).decode(PublicTrace.self)
            let item = try #require(scanned.item)
            #expect(item.containers == [PublicItem.Container(code: caseA, level: .case),
                                        PublicItem.Container(code: pallet, level: .pallet)])
            #expect(item.batchCode == batch)
            #expect(item.approvalNumber == Self.approval && item.expiry == Self.expiry && item.lotNumber == Self.lot)
            #expect(scanned.originCode == "460106")
            #expect(scanned.stops.map(\.nodeKind) == ["pharmacy", "wholesaler"])
            let page = try await HTTP.get(server.url + "/t/" + Self.boxes[1])
            #expect(page.status == 200)
            let visible = HTMLText.visible(page.body)
            #expect(visible.contains(Self.approval) && visible.contains(Self.expiry), "\(visible)")
            for secret in Self.prices + [Self.customer, keeper, clerk, "检测员"] {
                #expect(!response.body.contains(secret) && !page.body.contains(secret), "the public view shows \(secret)")
            }
            #expect(try await HTTP.get(server.url + "/v1/trace/81462350000999990017").status == 404)

            // The devices agree with the server.
            for (device, code) in [(wholesale, batch), (shop, shelf)] {
                #expect(try await device.device.json("status")["pending"] == .integer(0))
                let shown = try await device.device.json("show", code)
                let stop = try #require(recall.batches.first { $0.batchCode == code })
                #expect(shown["balance"]?.stringValue == stop.balance)
                #expect(shown["status"]?.stringValue == stop.status.rawValue)
            }

            try await Self.expectEPCIS(server, token: token, in: directory, pallet: pallet, caseA: caseA)
        }
    }

    static func items(_ codes: [String]) -> [String] { codes.flatMap { ["--item", $0] } }

    /// Runs a `field` command with `--json`, which must succeed; returns its text members.
    static func fact(_ device: MarketDevice, _ arguments: [String], _ member: String) async throws -> String {
        let result = try await device.device.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result)")
        return try #require(try result.json()[member]?.stringValue, "\(arguments): \(result)")
    }

    static func registered(_ device: MarketDevice, _ name: String, creditCode: String) async throws -> String {
        let result = try await device.device.run("operator", "add", "--name", name, "--kind", "organisation",
                                           "--credit-code", creditCode, "--json")
        #expect(result.status == 0, "\(result)")
        return try #require(try result.json()["id"]?.stringValue)
    }

    /// The recall by HTTP, which must agree with `admin recall --format json`.
    static func recall(_ server: ServerProcess, _ code: String, token: String) async throws -> RecallReport {
        let response = try await HTTP.get(server.url + "/v1/admin/recall/\(code)", headers: ["Authorization": "Bearer \(token)"])
        #expect(response.status == 200, "\(response.body)")
        let report = try JSONValue.parse(response.body).decode(RecallReport.self)
        let cli = try await server.admin("admin", "recall", code, "--format", "json")
        #expect(cli.status == 0, "\(cli)")
        #expect(try cli.json().decode(RecallReport.self) == report)
        return report
    }

    /// The day's EPCIS export validates against GS1's schema, with the packings as AggregationEvents ADD.
    static func expectEPCIS(_ server: ServerProcess, token: String, in directory: URL, pallet: String, caseA: String) async throws {
        let today = BusinessTime.dayOf(BusinessTime.now())
        let response = try await HTTP.get(server.url + "/v1/export/epcis?from=\(today)&to=\(today)",
                                          headers: ["Authorization": "Bearer \(token)"])
        #expect(response.status == 200)
        let file = directory.appendingPathComponent("pharmacy-epcis.json")
        try Data(response.body.utf8).write(to: file)
        #expect(try await EPCISValidation.violations(ofFile: file) == [])
        guard case .array(let events)? = try JSONValue.parse(response.body)["epcisBody"]?["eventList"] else {
            Issue.record("no eventList")
            return
        }
        let packings = events.filter { $0["type"] == .string("AggregationEvent") }
        #expect(packings.count == 3)
        #expect(packings.allSatisfy { $0["action"] == .string("ADD") && $0["bizStep"] == .string("packing") })
        let onPallet = packings.first { $0["parentID"] == .string(EPCISIdentifiers.container(try! TraceCode(parsing: pallet))) }
        #expect(onPallet?["childEPCs"]?.arrayValue?.contains(.string(EPCISIdentifiers.container(try! TraceCode(parsing: caseA)))) == true)
        #expect(!response.body.contains(Self.prices[0]) && !response.body.contains(Self.customer))
    }
}
