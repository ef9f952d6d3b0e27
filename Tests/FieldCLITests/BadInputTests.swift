import Foundation
import SyncCore
import Testing

/// Bad input is refused with a message naming the field and what is allowed, in both languages, as JSON for scripts,
/// and changes nothing.
@Suite struct BadInputTests {
    /// One refusal: the command (`$BATCH` stands for a batch on the device, `$TYPO` for its code with one digit
    /// changed) and what its refusal must say.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let code: String
        let field: String
        let zh: [String]
        let en: [String]

        var testDescription: String { name }
    }

    static let receipt = ["receive", "--quantity", "85", "--operator", "OP-46010001-002", "--supplier", "陈美玲"]

    static let cases: [Case] = [
        Case(name: "unknown product",
             arguments: receipt + ["--product", "紫背天葵", "--origin", "460107"],
             code: "unknown_product", field: "product",
             zh: ["未知产品「紫背天葵」", "产品编码或准确的中文名称"], en: ["unknown product \"紫背天葵\"", "product code"]),
        Case(name: "unknown region",
             arguments: receipt + ["--product", "菜心", "--origin", "999999"],
             code: "unknown_region", field: "origin",
             zh: ["未知产地「999999」", "6 位行政区划代码"], en: ["unknown origin \"999999\"", "6-digit GB/T 2260 region code"]),
        Case(name: "negative quantity",
             arguments: ["receive", "--product", "菜心", "--quantity", "-3", "--operator", "OP-46010001-002",
                         "--supplier", "陈美玲", "--origin", "460107"],
             code: "bad_quantity", field: "quantity",
             zh: ["数量「-3」无效", "大于 0"], en: ["quantity \"-3\" is not valid", "greater than 0"]),
        Case(name: "quantity that is not a number",
             arguments: ["receive", "--product", "菜心", "--quantity", "abc", "--operator", "OP-46010001-002",
                         "--supplier", "陈美玲", "--origin", "460107"],
             code: "bad_quantity", field: "quantity",
             zh: ["数量「abc」无效", "最多三位小数"], en: ["quantity \"abc\" is not valid", "at most 3 decimals"]),
        Case(name: "sale of more than the balance",
             arguments: ["sell", "$BATCH", "--quantity", "500.001", "--buyer", "张三"],
             code: "exceeds_balance", field: "quantity",
             zh: ["不能销售 500.001 kg", "余量只有 500 kg"], en: ["cannot sell 500.001 kg", "has only 500 kg left"]),
        Case(name: "trace code with one digit changed",
             arguments: ["sell", "$TYPO", "--quantity", "1", "--buyer", "张三"],
             code: "trace_code_check", field: "code",
             zh: ["追溯码校验位错误"], en: ["trace code check digits do not match"]),
        Case(name: "credit code with a wrong check character",
             arguments: ["operator", "add", "--name", "海口龙华区新记蔬菜批发部", "--credit-code", "92460106L3827451XB"],
             code: "credit_code_check", field: "credit-code",
             zh: ["统一社会信用代码校验位错误", "92460106L3827451XB"], en: ["credit code check character does not match"]),
        Case(name: "malformed time",
             arguments: ["sell", "$BATCH", "--quantity", "1", "--buyer", "张三", "--time", "2026-13-45 05:12"],
             code: "bad_time", field: "time",
             zh: ["时间「2026-13-45 05:12」格式错误", "2026-11-24 05:12"], en: ["time \"2026-13-45 05:12\" is not valid"]),
        Case(name: "correction to a unit that is not allowed",
             arguments: ["correct", "$BATCH", "--set", "unit=banana"],
             code: "bad_unit", field: "unit",
             zh: ["单位「banana」无效", "可用 kg、t"], en: ["unit \"banana\" is not valid", "use one of kg, t"]),
        Case(name: "correction that empties a required field",
             arguments: ["correct", "$BATCH", "--set", "supplier="],
             code: "missing_field", field: "supplier",
             zh: ["缺少供货方（supplier）"], en: ["the supplier (supplier) is required"]),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedWithItsFieldNamedAndChangesNothing(_ refusal: Case) async throws {
        try await withDevice { device in
            try await device.registerFixtureOperators("OP-46010001-001", "OP-46010001-002")
            let batch = try #require(try await device.json(
                "receive", "--product", "菜心", "--quantity", "500", "--operator", "OP-46010001-001",
                "--supplier", "绿源", "--origin", "469023"
            )["code"]?.asString)
            let arguments = refusal.arguments.map {
                switch $0 {
                case "$BATCH": batch
                case "$TYPO": Self.withOneDigitChanged(batch)
                default: $0
                }
            }
            let entries = try await device.journalEntries()
            let batches = try await device.batchCount()

            let chinese = try await device.run(arguments)
            #expect(chinese.status == 1, "\(chinese)")
            #expect(chinese.stdout.isEmpty, "\(chinese)")
            #expect(chinese.stderr.hasPrefix("错误："), "\(chinese)")
            for part in refusal.zh { #expect(chinese.stderr.contains(part), "\(chinese)") }

            let english = try await device.run(arguments + ["--lang", "en"])
            #expect(english.status == 1, "\(english)")
            #expect(english.stderr.hasPrefix("error: "), "\(english)")
            for part in refusal.en { #expect(english.stderr.contains(part), "\(english)") }

            let json = try await device.run(arguments + ["--json"])
            #expect(json.status == 1, "\(json)")
            #expect(json.stderr.isEmpty, "\(json)")
            let error = try #require(try json.json()["error"], "\(json)")
            #expect(error["code"]?.asString == refusal.code)
            #expect(error["field"]?.asString == refusal.field)
            #expect(error["message"]?["zh"]?.asString == chinese.stderr.dropFirst("错误：".count).dropLast().description)
            #expect(error["message"]?["en"]?.asString == english.stderr.dropFirst("error: ".count).dropLast().description)

            #expect(try await device.journalEntries() == entries)
            #expect(try await device.batchCount() == batches)
            let verified = try await device.run("verify")
            #expect(verified.status == 0, "\(verified)")
        }
    }

    @Test func aCommandWithoutADeviceDatabaseSaysToRunFieldInit() async throws {
        try await withDevice(initialised: false) { device in
            for arguments in [["status"], ["batches"], ["receive", "--product", "菜心", "--quantity", "5",
                                                          "--operator", "x", "--supplier", "x", "--origin", "469023"]] {
                let chinese = try await device.run(arguments)
                #expect(chinese.status == 1, "\(chinese)")
                #expect(chinese.stderr.contains("请先运行 field init"), "\(chinese)")
                #expect(chinese.stderr.contains(device.databasePath), "\(chinese)")
                let english = try await device.run(arguments + ["--lang", "en"])
                #expect(english.status == 1, "\(english)")
                #expect(english.stderr.contains("Run `field init"), "\(english)")
                let json = try await device.run(arguments + ["--json"])
                #expect(json.status == 1, "\(json)")
                #expect(try json.json()["error"]?["code"]?.asString == "not_initialised")
            }
            #expect(!FileManager.default.fileExists(atPath: device.databasePath), "a refused command creates no database")
        }
    }

    @Test func aSecondInitIsRefusedAndKeepsTheDevice() async throws {
        try await withDevice { device in
            let identity = try await device.json("status")["identity"]
            let again = try await device.run("init", "--node", "46010002", "--device-number", "3")
            #expect(again.status == 1, "\(again)")
            #expect(again.stderr.contains("已初始化"), "\(again)")
            #expect(try await device.json("status")["identity"] == identity)
        }
    }

    /// `code` with its 21st digit (in the serial) changed.
    static func withOneDigitChanged(_ code: String) -> String {
        var digits = Array(code)
        let index = 20
        digits[index] = Character(String((Int(String(digits[index]))! + 1) % 10))
        return String(digits)
    }
}
