import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// A real `sync-server` whose store holds a trace code in each state a shopper may meet: recorded on `field`
/// devices at a slaughterhouse and the demo wholesale market 46010001, synced.
struct PublicPageStates {
    static let slaughterhouse = "46900001", market = "46010001"
    static let slaughterhouseName = "澄迈县金江生猪定点屠宰场"
    static let slaughterhousePhone = "0898-6762 0941", slaughterhouseAddress = "澄迈县金江镇工业大道 9 号"
    /// The demo market's public contact, from `DemoData/nodes.json`.
    static let marketName = "海口市南北水果蔬菜批发市场"
    static let marketPhone = "0898-6652 0173", marketAddress = "海口市龙华区南北路 128 号"
    /// Values recorded that the page must never show.
    static let secrets = ["26.40", "31.80", "14.50", "9.90", "顾客林女士", "南北市场李记肉行", "王海生", "OP-", "检测员", "阳性", "超标", "录入错误", "监督销毁", "市场管理员"]

    /// Pork from the slaughterhouse, tested and sold to the shopper.
    let ok: String
    /// Sold, then a test of its batch failed: held.
    let held: String
    /// A sale the market voided.
    let voided: String
    /// Sold, then its batch failed a test and the rest was destroyed.
    let destroyed: String

    /// `ok` with one digit changed: its check digits fail.
    var mistyped: String {
        let digits = Array(ok)
        return String(digits[0..<10]) + String((digits[10].wholeNumberValue! + 1) % 10) + String(digits[11...])
    }

    /// A well-formed code that names nothing.
    var unknown: String { TraceCode.make(node: Self.market, deviceNumber: 9, date: "261124", serial: 77).digits }

    /// Adds the slaughterhouse with its public contact (before the server starts).
    static func addSlaughterhouse(_ server: ServerProcess) async throws {
        let added = try await server.admin("admin", "node", "add", "--code", slaughterhouse, "--name", slaughterhouseName,
                                     "--name-en", "Chengmai Jinjiang Designated Pig Slaughterhouse", "--kind", "slaughterhouse",
                                     "--region", "469023", "--phone", slaughterhousePhone, "--address", slaughterhouseAddress)
        guard added.status == 0 else { throw HarnessError("\(added)") }
    }

    /// Records every state through the devices and syncs them.
    static func record(server: ServerProcess, in directory: URL) async throws -> PublicPageStates {
        func fact(_ device: MarketDevice, _ arguments: String...) async throws -> (code: String?, id: String) {
            let result = try await device.device.run(arguments + ["--json"])
            guard result.status == 0 else { throw HarnessError("\(result)") }
            let json = try result.json()
            guard let id = json["eventId"]?.stringValue else { throw HarnessError("no eventId: \(json)") }
            return (json["code"]?.stringValue, id)
        }
        func code(_ recorded: (code: String?, id: String)) throws -> String {
            guard let code = recorded.code else { throw HarnessError("no code recorded") }
            return code
        }

        let slaughter = try await MarketDevice.enrolled("slaughter", node: slaughterhouse, server: server, in: directory)
        let added = try await slaughter.device.run("operator", "add", "--name", "王海生", "--kind", "individual", "--json")
        guard added.status == 0, let keeper = try added.json()["id"]?.stringValue else { throw HarnessError("\(added)") }
        let carcass = try await code(fact(slaughter, "receive", "--product", "100101", "--quantity", "500", "--operator", keeper,
                                    "--supplier", "澄迈县福山生猪养殖场", "--origin", "469023"))
        _ = try await fact(slaughter, "inspect", carcass, "--item", "瘦肉精", "--result", "pass")
        let toMarket = try await code(fact(slaughter, "sell", carcass, "--quantity", "300", "--buyer", "南北市场李记肉行", "--price", "26.40"))
        try await slaughter.sync()

        let market = try await MarketDevice.enrolled("market", node: Self.market, server: server, in: directory)
        let stall = market.operatorId
        let pork = try await code(fact(market, "receive", "--product", "100101", "--quantity", "300", "--operator", stall,
                                 "--supplier", slaughterhouseName, "--origin", "469023", "--upstream-code", toMarket))
        _ = try await fact(market, "inspect", pork, "--item", "瘦肉精", "--result", "pass")
        let ok = try await code(fact(market, "sell", pork, "--quantity", "2.5", "--buyer", "顾客林女士", "--price", "31.80"))

        let belly = try await code(fact(market, "receive", "--product", "100104", "--quantity", "50", "--operator", stall,
                                  "--supplier", "海南澄金肉联食品有限公司", "--origin", "469023"))
        let held = try await code(fact(market, "sell", belly, "--quantity", "3", "--buyer", "顾客林女士", "--price", "31.80"))
        _ = try await fact(market, "inspect", belly, "--item", "瘦肉精", "--value", "阳性", "--result", "fail")

        let beans = try await code(fact(market, "receive", "--product", "220101", "--quantity", "80", "--operator", stall,
                                  "--supplier", "文昌市东路镇蔬菜合作社", "--origin", "469005"))
        let voidedSale = try await fact(market, "sell", beans, "--quantity", "2", "--buyer", "顾客林女士", "--price", "9.90")
        _ = try await fact(market, "void", voidedSale.id, "--reason", "录入错误")

        let greens = try await code(fact(market, "receive", "--product", "200102", "--quantity", "60", "--operator", stall,
                                   "--supplier", "海口市琼山区红旗镇菜农", "--origin", "460107"))
        let destroyed = try await code(fact(market, "sell", greens, "--quantity", "5", "--buyer", "顾客林女士", "--price", "14.50"))
        _ = try await fact(market, "inspect", greens, "--item", "农药残留", "--value", "超标", "--result", "fail")
        _ = try await fact(market, "dispose", greens, "--reason", "检测不合格，监督销毁", "--witness", "市场管理员")
        try await market.sync()

        return PublicPageStates(ok: ok, held: held, voided: try code(voidedSale), destroyed: destroyed)
    }
}
