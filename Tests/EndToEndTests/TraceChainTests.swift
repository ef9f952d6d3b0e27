import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Pork from a farm through a slaughterhouse, the wholesale market and a farmers' market to a consumer, recorded on
/// three real `field` devices and read back through the server's trace, recall, export and public routes.
@Suite(.serialized)
struct TraceChainTests {
    static let slaughterhouse = "46900001", wholesale = "46010001", farmers = "46010003"
    static let slaughterhouseName = "澄迈县金江生猪定点屠宰场"
    /// Values recorded that the public views must never show.
    static let prices = ["23.47", "26.83", "27.19", "32.61"]
    static let buyers = ["南北市场李记肉行", "和平市场陈记肉档", "和平市场吴记肉档", "顾客林女士"]
    static let idNumber = "460107198603120426", phone = "13808981274"

    @Test
    func aChainIsTracedBothWaysExportedAndShownToConsumersWithoutPrivateData() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await Self.addNodes(server)
            try await server.start(["--demo"])
            defer { server.stop() }
            let token = try await server.adminSession()
            let chain = try await Chain.record(server: server, in: directory)

            // Backward: the consumer's code reaches the slaughterhouse and the origin.
            let backward = try await Self.publicTrace(server, chain.c4)
            #expect(backward.originCode == "469023")
            #expect(backward.stops.map(\.nodeKind) == ["farmers_market", "wholesale_market", "slaughterhouse"])
            #expect(backward.stops.last?.nodeName.zh == Self.slaughterhouseName)
            #expect(backward.stops.last?.region == "469023")
            #expect(backward.stops.last?.inspections.map(\.passed) == [true])

            // Forward: every downstream sale once, with the totals.
            let recall = try await Self.recall(server, chain.b1, token: token)
            #expect(recall.rows.map(\.childCode).sorted() == [chain.c1, chain.c2a, chain.c2b, chain.c4].sorted())
            #expect(recall.rows.first { $0.childCode == chain.c2a }?.buyer == Self.buyers[1])
            #expect(recall.totalSold == ["kg": "522.5"])
            #expect(recall.totalDisposed == ["kg": "5"])
            #expect(recall.totalOnHand == ["kg": "492.5"])
            let table = try await server.admin("admin", "recall", chain.b1)
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.contains("已售合计 sold: 522.5 kg") && table.stdout.contains("在库合计 on hand: 492.5 kg"))
            let csv = try await server.admin("admin", "recall", chain.b1, "--format", "csv")
            #expect(csv.stdout.split(separator: "\n").filter { $0.hasPrefix("0,") || $0.hasPrefix("1,") || $0.hasPrefix("2,") }.count == 4)
            #expect(csv.stdout.contains("total_sold,,,,,,,522.5,kg"))

            try await Self.expectNothingPrivate(server, codes: [chain.c1, chain.c2a, chain.c2b, chain.c4, chain.b3a])

            // Voiding the consumer's sale takes it out of the recall and the public view.
            _ = try await chain.farmers.device.json("void", chain.c4Event, "--reason", "录入错误")
            try await chain.farmers.sync()
            let afterVoid = try await Self.recall(server, chain.b1, token: token)
            #expect(afterVoid.rows.map(\.childCode).sorted() == [chain.c1, chain.c2a, chain.c2b].sorted())
            #expect(afterVoid.totalSold == ["kg": "520"] && afterVoid.totalOnHand == ["kg": "495"])
            #expect(try await HTTP.get(server.url + "/v1/trace/\(chain.c4)").status == 404)
            #expect(try await HTTP.get(server.url + "/t/\(chain.c4)").status == 404)

            try await Self.expectEPCISExport(server, chain: chain, token: token, in: directory)

            // Unknown and mistyped codes get their own pages.
            let unknown = try await HTTP.get(server.url + "/t/" + TraceCode.make(node: Self.farmers, deviceNumber: 7, date: "261124", serial: 9).digits)
            #expect(unknown.status == 404 && unknown.body.contains("查无此追溯码"))
            let mistyped = try await HTTP.get(server.url + "/t/" + Self.mistyped(chain.c2a))
            #expect(mistyped.status == 400)
            #expect(mistyped.body.contains("追溯码校验位错误 / trace code check digits do not match"))

            // The feed, in pages of 3, across a restart; then the restarted server's low public limit.
            var feed = try await Self.feedPages(server, token: token, from: 0, pages: 2)
            await server.kill()
            try await server.start(["--public-rate-limit", "3"])
            feed += try await Self.feedPages(server, token: token, from: feed.last?.cursor ?? 0, pages: nil)
            let whole = try await server.admin("export", "feed", "--limit", "1000").json().decode(FeedPage.self)
            #expect(!whole.more)
            #expect(feed.map(\.eventId) == whole.items.map(\.eventId), "the paged feed is the whole feed, in order")
            #expect(Set(feed.map(\.eventId)).count == feed.count, "no event twice")
            #expect(Set(chain.eventIds).isSubset(of: Set(feed.map(\.eventId))))
            #expect(feed.map(\.cursor) == feed.map(\.cursor).sorted())

            var statuses: [Int] = []
            var retryAfter: String?
            for _ in 0..<4 {
                let response = try await HTTP.get(server.url + "/v1/trace/\(chain.c1)")
                statuses.append(response.status)
                retryAfter = response.headers["retry-after"] ?? retryAfter
            }
            #expect(statuses == [200, 200, 200, 429])
            #expect(retryAfter.flatMap { Int($0) }.map { $0 >= 1 } == true)
        }
    }

    // MARK: Setup

    /// Adds the slaughterhouse and the farmers' market with `admin node add`.
    static func addNodes(_ server: ServerProcess) async throws {
        for (code, name, kind, region) in [
            (slaughterhouse, slaughterhouseName, "slaughterhouse", "469023"),
            (farmers, "海口市美兰区和平农贸市场", "farmers_market", "460108"),
        ] {
            let added = try await server.admin("admin", "node", "add", "--code", code, "--name", name, "--kind", kind, "--region", region)
            #expect(added.status == 0, "\(added)")
        }
    }

    static func mistyped(_ code: String) -> String {
        let digits = Array(code)
        return String(digits[0..<10]) + String((digits[10].wholeNumberValue! + 1) % 10) + String(digits[11...])
    }

    // MARK: Reading

    static func publicTrace(_ server: ServerProcess, _ code: String) async throws -> PublicTrace {
        let response = try await HTTP.get(server.url + "/v1/trace/\(code)")
        #expect(response.status == 200, "\(response.body)")
        return try JSONValue.parse(response.body).decode(PublicTrace.self)
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

    /// The public JSON and page of every code carry no price, buyer, ID or phone number, device or inspector.
    static func expectNothingPrivate(_ server: ServerProcess, codes: [String]) async throws {
        let forbidden = prices + buyers + [idNumber, phone, "检测员", "OP-", "deviceId"]
        for code in codes {
            for path in ["/v1/trace/", "/t/"] {
                let response = try await HTTP.get(server.url + path + code)
                #expect(response.status == 200, "\(path)\(code): \(response.body)")
                for value in forbidden { #expect(!response.body.contains(value), "\(path)\(code) shows \(value)") }
            }
        }
    }

    /// The day's EPCIS export (HTTP and CLI) validates and has one event per fact; the voided sale declares an error.
    static func expectEPCISExport(_ server: ServerProcess, chain: Chain, token: String, in directory: URL) async throws {
        let today = BusinessTime.dayOf(BusinessTime.now())
        let response = try await HTTP.get(server.url + "/v1/export/epcis?from=\(today)&to=\(today)",
                                          headers: ["Authorization": "Bearer \(token)"])
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("application/ld+json") == true)
        let file = directory.appendingPathComponent("epcis-http.json")
        try Data(response.body.utf8).write(to: file)
        #expect(try await EPCISValidation.violations(ofFile: file) == [])
        let cliFile = directory.appendingPathComponent("epcis-cli.json")
        let cli = try await server.admin("export", "epcis", "--from", today, "--to", today, "--out", cliFile.path)
        #expect(cli.status == 0, "\(cli)")
        #expect(try await EPCISValidation.violations(ofFile: cliFile) == [])

        guard case .array(let events)? = try JSONValue.parse(response.body)["epcisBody"]?["eventList"] else {
            Issue.record("no eventList")
            return
        }
        let facts = 4 + 2 + 4 + 1
        #expect(events.count == facts, "4 receipts, 2 inspections, 4 sales, 1 disposal")
        let declared = events.filter { $0["errorDeclaration"] != nil }
        #expect(declared.count == 1)
        #expect(declared.first?["eventID"] == .string("urn:uuid:" + chain.c4Event.lowercased()))
    }

    /// Feed items from `cursor` in pages of 3: `pages` of them, or all that remain.
    static func feedPages(_ server: ServerProcess, token: String, from cursor: Int64, pages: Int?) async throws -> [FeedPage.Item] {
        var items: [FeedPage.Item] = [], cursor = cursor, read = 0, more = true
        while more, pages.map({ read < $0 }) ?? true {
            let response = try await HTTP.get(server.url + "/v1/export/feed?cursor=\(cursor)&limit=3",
                                              headers: ["Authorization": "Bearer \(token)"])
            #expect(response.status == 200, "\(response.body)")
            let page = try JSONValue.parse(response.body).decode(FeedPage.self)
            #expect(page.items.count <= 3)
            items += page.items
            cursor = page.nextCursor
            more = page.more
            read += 1
        }
        return items
    }
}

/// The chain as recorded: batch codes `b…`, child codes `c…`, the devices, and every fact's event id.
struct Chain {
    let farmers: MarketDevice
    let b1: String, c1: String, c2a: String, c2b: String, b3a: String, c4: String
    let c4Event: String
    let eventIds: [String]

    /// Records the chain on three devices and syncs each after its part.
    static func record(server: ServerProcess, in directory: URL) async throws -> Chain {
        var ids: [String] = []
        func fact(_ device: MarketDevice, _ arguments: String...) async throws -> (code: String?, id: String) {
            let result = try await device.device.run(arguments + ["--json"])
            #expect(result.status == 0, "\(result)")
            let json = try result.json()
            let id = try #require(json["eventId"]?.stringValue)
            ids.append(id)
            return (json["code"]?.stringValue, id)
        }
        func registered(_ device: MarketDevice, _ arguments: String...) async throws -> String {
            let result = try await device.device.run(["operator", "add"] + arguments + ["--json"])
            #expect(result.status == 0, "\(result)")
            return try #require(try result.json()["id"]?.stringValue)
        }

        let slaughter = try await MarketDevice.enrolled("slaughter", node: TraceChainTests.slaughterhouse, server: server, in: directory)
        let keeper = try await registered(slaughter, "--name", "王海生", "--kind", "individual",
                                    "--id-number", TraceChainTests.idNumber, "--phone", TraceChainTests.phone)
        let b1 = try #require(try await fact(slaughter, "receive", "--product", "100101", "--quantity", "500", "--operator", keeper,
                                       "--supplier", "澄迈县福山生猪养殖场", "--origin", "469023").code)
        _ = try await fact(slaughter, "inspect", b1, "--item", "瘦肉精", "--result", "pass")
        let c1 = try #require(try await fact(slaughter, "sell", b1, "--quantity", "300", "--buyer", TraceChainTests.buyers[0],
                                       "--price", TraceChainTests.prices[0]).code)
        try await slaughter.sync()

        let wholesale = try await MarketDevice.enrolled("wholesale", node: TraceChainTests.wholesale, server: server, in: directory)
        let b2 = try #require(try await fact(wholesale, "receive", "--product", "100101", "--quantity", "300", "--operator",
                                       wholesale.operatorId, "--supplier", TraceChainTests.slaughterhouseName,
                                       "--origin", "469023", "--upstream-code", c1).code)
        _ = try await fact(wholesale, "inspect", b2, "--item", "瘦肉精", "--result", "pass")
        let c2a = try #require(try await fact(wholesale, "sell", b2, "--quantity", "120", "--buyer", TraceChainTests.buyers[1],
                                        "--price", TraceChainTests.prices[1]).code)
        let c2b = try #require(try await fact(wholesale, "sell", b2, "--quantity", "100", "--buyer", TraceChainTests.buyers[2],
                                        "--price", TraceChainTests.prices[2]).code)
        try await wholesale.sync()

        let farmers = try await MarketDevice.enrolled("farmers", node: TraceChainTests.farmers, server: server, in: directory)
        let stallA = try await registered(farmers, "--name", "陈记肉档", "--kind", "individual")
        let stallB = try await registered(farmers, "--name", "吴记肉档", "--kind", "individual")
        let b3a = try #require(try await fact(farmers, "receive", "--product", "100101", "--quantity", "120", "--operator", stallA,
                                        "--supplier", "海口市南北水果蔬菜批发市场", "--origin", "469023", "--upstream-code", c2a).code)
        let b3b = try #require(try await fact(farmers, "receive", "--product", "100101", "--quantity", "100", "--operator", stallB,
                                        "--supplier", "海口市南北水果蔬菜批发市场", "--origin", "469023", "--upstream-code", c2b).code)
        _ = try await fact(farmers, "dispose", b3b, "--quantity", "5", "--reason", "变质", "--witness", "市场管理员")
        let sale = try await fact(farmers, "sell", b3a, "--quantity", "2.5", "--buyer", TraceChainTests.buyers[3],
                            "--price", TraceChainTests.prices[3])
        try await farmers.sync()
        return Chain(farmers: farmers, b1: b1, c1: c1, c2a: c2a, c2b: c2b, b3a: b3a, c4: try #require(sale.code),
                     c4Event: sale.id, eventIds: ids)
    }
}
