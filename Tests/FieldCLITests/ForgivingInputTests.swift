import Foundation
import SyncCore
import Testing

/// What a tired inspector types is read as meant where it can be, and otherwise refused with the nearest right
/// answer, Chinese first.
@Suite struct ForgivingInputTests {
    /// Records a 菜心 receipt of 50 kg and returns its code.
    static func receipt(on device: FieldDevice) async throws -> String {
        try await device.registerFixtureOperators("OP-46010001-001")
        return try #require(try await device.json(
            "receive", "--product", "菜心", "--quantity", "50", "--operator", "OP-46010001-001",
            "--supplier", "绿源", "--origin", "469023"
        )["code"]?.asString)
    }

    /// `code` as printed on a receipt: groups of four.
    static func grouped(_ code: String) -> [String] {
        stride(from: 0, to: code.count, by: 4).map { String(Array(code)[$0..<$0 + 4]) }
    }

    /// `text` with its ASCII digits full-width.
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.numericType != nil && $0.isASCII ? Unicode.Scalar($0.value + 0xFEE0)! : $0
        }))
    }

    @Test func aCodePastedAsPrintedUnquotedIsReadAsOneCode() async throws {
        try await withDevice { device in
            let code = try await Self.receipt(on: device)
            let sold = try await device.run(["sell"] + Self.grouped(code) + ["--quantity", "2", "--buyer", "张三"])
            #expect(sold.status == 0, "\(sold)")
            let shown = try await device.run(["show"] + Self.grouped(code))
            #expect(shown.status == 0, "\(shown)")
            #expect(shown.stdout.contains("余量：48 kg"), "\(shown)")
            let traced = try await device.run(["trace"] + Self.grouped(code) + ["--json"])
            #expect(try traced.json()["batch"]?["code"]?.asString == code, "\(traced)")
        }
    }

    @Test func aCodeWithFullWidthDigitsAndSpacesIsReadAsTheCode() async throws {
        try await withDevice { device in
            let code = try await Self.receipt(on: device)
            let typed = Self.fullWidth(Self.grouped(code).joined(separator: "\u{3000}"))
            #expect(typed != code && !typed.contains(" "))
            let sold = try await device.run("sell", typed, "--quantity", "1", "--buyer", "张三", "--json")
            #expect(sold.status == 0, "\(sold)")
            #expect(try await device.json("show", code)["sold"]?.asString == "1")
            let split = try await device.run(["show"] + Self.grouped(code).map(Self.fullWidth) + ["--json"])
            #expect(try split.json()["code"]?.asString == code, "\(split)")
        }
    }

    @Test func aRealExtraArgumentAfterTheCodeIsRefusedByNameAndChangesNothing() async throws {
        try await withDevice { device in
            let code = try await Self.receipt(on: device)
            let entries = try await device.journalEntries()
            // A forgotten --quantity: "5" must not be read as part of the code.
            let chinese = try await device.run("sell", code, "5", "--buyer", "张三", "--quantity", "1")
            #expect(chinese.status == 1, "\(chinese)")
            #expect(chinese.stderr.hasPrefix("错误："), "\(chinese)")
            #expect(chinese.stderr.contains("多了参数「5」"), "\(chinese)")
            let english = try await device.run("show", code, "extra", "--lang", "en")
            #expect(english.status == 1, "\(english)")
            #expect(english.stderr.contains("unexpected arguments \"extra\" after \"\(code)\""), "\(english)")
            let json = try await device.run("sell", code, "5", "--buyer", "张三", "--quantity", "1", "--json")
            #expect(try json.json()["error"]?["code"]?.asString == "extra_arguments", "\(json)")
            #expect(try await device.journalEntries() == entries)
            #expect(try await device.json("show", code)["sold"]?.asString == "0")
        }
    }

    /// A command line the parser refuses: the arguments and what the Chinese and English must say.
    struct UsageCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let zh: [String]
        let en: [String]
        var testDescription: String { name }
    }

    static let usageCases: [UsageCase] = [
        UsageCase(name: "mistyped subcommand", arguments: ["recieve", "--product", "菜心"],
                  zh: ["没有子命令「recieve」", "是否想输入：field receive？"],
                  en: ["no subcommand \"recieve\"", "Did you mean `field receive`?"]),
        UsageCase(name: "mistyped nested subcommand", arguments: ["operator", "lst"],
                  zh: ["没有子命令「lst」", "field operator list"], en: ["Did you mean `field operator list`?"]),
        UsageCase(name: "missing option", arguments: ["sell", "4601", "--buyer", "张三"],
                  zh: ["缺少必需的参数 --quantity <quantity>"], en: ["Missing expected argument '--quantity <quantity>'"]),
        UsageCase(name: "unknown option", arguments: ["status", "--verbose"],
                  zh: ["未知选项 --verbose"], en: ["Unknown option '--verbose'"]),
    ]

    @Test(arguments: usageCases)
    func aCommandLineTheParserRefusesIsExplainedChineseFirstWithTheEnglishAfter(_ usage: UsageCase) async throws {
        try await withDevice { device in
            let entries = try await device.journalEntries()
            let chinese = try await device.run(usage.arguments)
            #expect(chinese.status == 64, "\(chinese)")
            #expect(chinese.stderr.hasPrefix("错误："), "\(chinese)")
            let lines = chinese.stderr.components(separatedBy: "\n")
            #expect(lines.count > 1 && lines[1].hasPrefix("error: "), "the English follows on the next line: \(chinese)")
            for part in usage.zh { #expect(lines[0].contains(part), "\(chinese)") }
            for part in usage.en { #expect(lines[1].contains(part), "\(chinese)") }

            let english = try await device.run(usage.arguments + ["--lang", "en"])
            #expect(english.status == 64, "\(english)")
            #expect(english.stderr.hasPrefix("error: "), "\(english)")
            for part in usage.en { #expect(english.stderr.contains(part), "\(english)") }

            let json = try await device.run(usage.arguments + ["--json"])
            #expect(json.status == 64, "\(json)")
            let error = try #require(try json.json()["error"], "\(json)")
            #expect(error["code"]?.asString == "usage")
            #expect(error["message"]?["zh"]?.asString == String(lines[0].dropFirst("错误：".count)))
            #expect(try await device.journalEntries() == entries)
        }
    }

    /// An unknown name and the name the refusal must suggest.
    struct NearCase: Sendable, CustomTestStringConvertible {
        let field: String
        let typed: String
        let suggested: String
        var testDescription: String { "\(field) \(typed) → \(suggested)" }
    }

    static let nearCases: [NearCase] = [
        NearCase(field: "product", typed: "五花内", suggested: "五花肉"),
        NearCase(field: "origin", typed: "澄迈", suggested: "澄迈县"),
        NearCase(field: "operator", typed: "海口龙华区新记蔬菜批发部(个体)", suggested: "海口龙华区新记蔬菜批发部（个体）"),
    ]

    @Test(arguments: nearCases)
    func anUnknownNameIsRefusedWithTheNearestNames(_ near: NearCase) async throws {
        try await withDevice { device in
            try await device.run("operator", "add", "--id", "OP-46010001-009", "--name", "海口龙华区新记蔬菜批发部（个体）",
                                 "--kind", "individual")
            var fields = ["product": "菜心", "origin": "469023", "operator": "OP-46010001-009"]
            fields[near.field] = near.typed
            let arguments = ["receive", "--quantity", "5", "--supplier", "绿源"]
                + fields.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
            let chinese = try await device.run(arguments)
            #expect(chinese.status == 1, "\(chinese)")
            #expect(chinese.stderr.contains("是否想输入「\(near.suggested)」？"), "\(chinese)")
            let english = try await device.run(arguments + ["--lang", "en"])
            #expect(english.stderr.contains("Did you mean \"\(near.suggested)\"?"), "\(english)")
            #expect(try await device.batchCount() == 0)
        }
    }

    @Test func saleAndDisposalLinesShowTheirUnitInBothLanguages() async throws {
        try await withDevice { device in
            let code = try await Self.receipt(on: device)
            _ = try await device.json("sell", code, "--quantity", "2.5", "--buyer", "张三")
            _ = try await device.json("dispose", code, "--quantity", "1", "--reason", "腐烂")
            let chinese = try await device.run("show", code)
            #expect(chinese.stdout.contains("交易  2.5 kg → 张三"), "\(chinese)")
            #expect(chinese.stdout.contains("1 kg · 腐烂"), "\(chinese)")
            let english = try await device.run("show", code, "--lang", "en")
            #expect(english.stdout.contains("2.5 kg → 张三"), "\(english)")
            let traced = try await device.run("trace", code)
            #expect(traced.stdout.contains("↓ ") && traced.stdout.contains("2.5 kg → 张三"), "\(traced)")
        }
    }

    @Test func operatorKindsAreNamedInChinese() async throws {
        try await withDevice { device in
            try await device.registerFixtureOperators()
            let chinese = try await device.run("operator", "list")
            #expect(!chinese.stdout.contains("organisation") && !chinese.stdout.contains("individual"), "\(chinese)")
            #expect(chinese.stdout.contains("企业/个体工商户"), "\(chinese)")
            let english = try await device.run("operator", "list", "--lang", "en")
            #expect(english.stdout.contains("organisation"), "\(english)")
        }
    }
}
