import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// The regulators' CSV and counts per industry (issue 17 item 5): `industry=` on `GET /v1/export/csv/{kind}`,
/// `GET /v1/admin/stats` and the console's stats page, `--industry` on `export csv` and `admin stats`; every row
/// names its industry; an unknown industry is refused with the list of industries there are.
@Suite struct IndustryExportTests {
    static let drug = "500101"

    /// Pushes a pork batch (edible farm products) and a drug batch of amoxicillin capsules at 46010001, each
    /// received, inspected and partly sold today; returns the two batch codes.
    static func pushTwoIndustries(to server: ServerHarness) async throws -> (pork: String, drug: String) {
        let pork = try await TraceSample.pushed(to: server) { journal, _ in
            let now = BusinessTime.now()
            let code = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                      date: BusinessTime.codeDate(now), serial: 3)
            let child = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                       date: BusinessTime.codeDate(now), serial: 4)
            try journal.append(.receipt(Receipt(
                batchCode: code, node: journal.device.node.code, product: Self.drug, quantity: Quantity(units: 30_000),
                unit: "box", operatorId: "OP-46010001-001", supplier: "海南海神同洲制药有限公司", origin: "460106",
                approvalNumber: "国药准字H46020101", lotNumber: "240618", expiry: "2028-06-30", time: now
            )))
            try journal.append(.inspection(Inspection(batchCode: code, item: "外观与标签", method: "目检", value: "符合",
                                                      passed: false, time: now)))
            try journal.append(.sale(Sale(batchCode: code, childCode: child, buyerName: "海口椰城大药房",
                                          quantity: Quantity(units: 2_000), price: Price("18.6"), time: now)))
        }
        let drug = TraceCode.make(node: "46010001", deviceNumber: 1, date: BusinessTime.codeDate(BusinessTime.now()), serial: 3)
        return (pork.batchCode, drug.digits)
    }

    /// The CSV's rows (after the header) as columns named by the header.
    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func theCSVsCarryTheIndustryAndIndustryChoosesTheBatchesOfItsProducts() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let (pork, drug) = try await Self.pushTwoIndustries(to: server)
            let today = BusinessTime.dayOf(BusinessTime.now())
            for kind in RegulatorCSV.allCases {
                #expect(kind.columns.contains("industry"))
                let all = try await server.send(.get, "/v1/export/csv/\(kind.rawValue)?from=\(today)&to=\(today)", secret: token)
                #expect(all.status == .ok)
                let allRows = Self.rows(all.text)
                #expect(Set(allRows.map { $0["industry"] }) == ["edible_farm_product", "drug"], "\(kind): \(all.text)")
                let drugs = try await server.send(
                    .get, "/v1/export/csv/\(kind.rawValue)?from=\(today)&to=\(today)&node=46010001&industry=drug", secret: token
                )
                #expect(drugs.status == .ok)
                let drugRows = Self.rows(drugs.text)
                #expect(drugRows.count == 1, "\(kind): \(drugs.text)")
                #expect(drugRows.allSatisfy { $0["industry"] == "drug" && $0["product"] == Self.drug })
                #expect(drugRows.allSatisfy { ($0["code"] ?? $0["batch_code"]) == drug })
                #expect(drugs.text.split(separator: "\n").first == Substring(kind.columns.joined(separator: ",")))
                let farmInputs = try await server.send(
                    .get, "/v1/export/csv/\(kind.rawValue)?from=\(today)&to=\(today)&industry=farm_input", secret: token
                )
                #expect(Self.rows(farmInputs.text).isEmpty)
            }
            let meat = try await server.send(.get, "/v1/export/csv/batches?from=\(today)&to=\(today)&industry=edible_farm_product",
                                             secret: token)
            #expect(Self.rows(meat.text).map { $0["code"] } == [pork])
        }
    }

    @Test func theCountsAreOneRowPerNodeDayAndIndustryAndIndustryKeepsOne() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await Self.pushTwoIndustries(to: server)
            let today = BusinessTime.dayOf(BusinessTime.now())
            let all = try await server.send(.get, "/v1/admin/stats?from=\(today)&to=\(today)", secret: token)
            #expect(all.status == .ok)
            let days = try all.decoded(SupervisionStats.self).days
            #expect(days.map(\.industry).sorted() == [.drug, .edibleFarmProduct])
            let drug = try #require(days.first { $0.industry == .drug })
            #expect(drug.node == "46010001" && drug.receipts == 1 && drug.inspections == 1 && drug.inspectionsPassed == 0)
            #expect(drug.sales == 1 && drug.receivedByProduct == ["\(Self.drug) box": "30"])
            let only = try await server.send(.get, "/v1/admin/stats?from=\(today)&to=\(today)&industry=drug", secret: token)
            #expect(try only.decoded(SupervisionStats.self).days == [drug])
        }
    }

    @Test(arguments: ["/v1/export/csv/sales", "/v1/admin/stats"])
    func anUnknownIndustryIsA400ListingTheIndustries(route: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "\(route)?from=2026-11-24&to=2026-11-24&industry=drugs", secret: token)
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.field == "industry")
            for industry in try BundledIndustryProfiles.all() {
                #expect(error.message.en.contains(industry.industry.rawValue) && error.message.zh.contains(industry.name.zh))
            }
        }
    }

    @Test func theConsoleOffersTheIndustriesAndItsDownloadsKeepTheOneChosen() async throws {
        try await withServer { server in
            _ = try await Self.pushTwoIndustries(to: server)
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.province")
            let today = BusinessTime.dayOf(BusinessTime.now())
            let page = try await browser.send(.get, "/console/stats?from=\(today)&to=\(today)&industry=drug")
            #expect(page.status == .ok)
            #expect(page.text.contains("<select name=\"industry\">"))
            #expect(page.text.contains("<option value=\"drug\" selected>药品 / drugs</option>"), "\(page.text)")
            #expect(page.text.contains("<option value=\"farm_input\">"))
            #expect(!page.text.contains("edible farm products</span></td>"), "only the drug rows are counted")
            #expect(page.text.contains("href=\"/console/export/csv/batches?from=\(today)&amp;to=\(today)&amp;industry=drug\""))
            let csv = try await browser.send(.get, "/console/export/csv/batches?from=\(today)&to=\(today)&industry=drug")
            #expect(Self.rows(csv.text).map { $0["industry"] } == ["drug"])
            #expect(try await browser.send(.get, "/console/stats?industry=lifts").status == .badRequest)
        }
    }

    @Test(arguments: [
        ["export", "csv", "--kind", "batches", "--from", "2026-11-24", "--to", "2026-11-24", "--industry", "drugs"],
        ["admin", "stats", "--from", "2026-11-24", "--industry", "drugs"],
    ])
    func anUnknownIndustryOnTheCommandLineIsAUsageErrorListingTheIndustries(arguments: [String]) throws {
        do {
            _ = try SyncServerCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(SyncServerCommand.exitCode(for: error) == .validationFailure)
            let message = SyncServerCommand.message(for: error)
            #expect(message.contains("industry=drugs") && message.contains("farm_input") && message.contains("special_equipment"),
                    "\(message)")
        }
    }

    @Test func theCommandsTakeAnIndustry() throws {
        try withTemporaryDirectory { directory in
            let db = directory.appendingPathComponent("central.sqlite").path
            _ = try DemoMarkets.seed(into: try CentralStore(path: db), now: BusinessTime.now())
            let out = directory.appendingPathComponent("drugs.csv").path
            var export = try SyncServerCommand.parseAsRoot([
                "export", "csv", "--db", db, "--kind", "sales", "--from", "2026-11-01", "--to", "2026-11-30",
                "--industry", "drug", "--out", out,
            ])
            try export.run()
            #expect(try String(contentsOfFile: out, encoding: .utf8) == RegulatorCSV.sales.columns.joined(separator: ",") + "\n")
            var stats = try SyncServerCommand.parseAsRoot(["admin", "stats", "--db", db, "--industry", "drug", "--json"])
            try stats.run()
        }
    }
}
