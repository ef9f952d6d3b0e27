import Foundation
import SyncCore
import Testing

/// Importing a weighing-system export with bad rows: all or nothing, unless `--skip-invalid`.
@Suite struct ImportTests {
    static let badFile = Fixtures.path("import/weighing-bad.csv")

    /// The file lines of the bad rows (data rows 2, 4 and 5; the header is line 1) and what each is refused for.
    static let badLines: [(line: Int, zh: String, en: String)] = [
        (3, "未知产品「紫背天葵」", "unknown product \"紫背天葵\""),
        (5, "数量「-3」无效", "quantity \"-3\" is not valid"),
        (6, "未知产地「999999」", "unknown origin \"999999\""),
    ]

    @Test func aFileWithBadRowsIsRefusedWholeNamingEachBadLine() async throws {
        try await withDevice { device in
            try await device.registerFixtureOperators()
            let entries = try await device.journalEntries()

            let chinese = try await device.run("import", Self.badFile)
            #expect(chinese.status != 0, "\(chinese)")
            for bad in Self.badLines {
                #expect(chinese.stderr.contains("第 \(bad.line) 行：\(bad.zh)"), "\(chinese)")
            }
            #expect(!chinese.stderr.contains("第 2 行"), "\(chinese)")
            #expect(chinese.stderr.contains("未导入任何记录"), "\(chinese)")
            #expect(chinese.stderr.contains("--skip-invalid"), "\(chinese)")

            let english = try await device.run("import", Self.badFile, "--lang", "en")
            #expect(english.status != 0, "\(english)")
            for bad in Self.badLines {
                #expect(english.stderr.contains("line \(bad.line): \(bad.en)"), "\(english)")
            }
            #expect(english.stderr.contains("nothing was imported"), "\(english)")

            let json = try await device.run("import", Self.badFile, "--json")
            #expect(json.status != 0, "\(json)")
            let report = try json.json()
            #expect(report["rows"]?.asInt == 6)
            #expect(report["imported"]?.asArray?.isEmpty == true)
            #expect(report["problems"]?.asArray?.compactMap { $0["line"]?.asInt } == [3, 5, 6])
            #expect(report["problems"]?.asArray?.compactMap { $0["field"]?.asString } == ["product", "quantity", "origin"])

            #expect(try await device.batchCount() == 0)
            #expect(try await device.journalEntries() == entries)
        }
    }

    @Test func skipInvalidImportsTheGoodRowsAndReportsTheRest() async throws {
        try await withDevice { device in
            try await device.registerFixtureOperators()
            let entries = try await device.journalEntries()

            let result = try await device.run("import", Self.badFile, "--skip-invalid")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("已导入 3 / 6 行"), "\(result)")
            #expect(result.stdout.contains("跳过 3 行"), "\(result)")
            for bad in Self.badLines { #expect(result.stdout.contains("第 \(bad.line) 行"), "\(result)") }

            #expect(try await device.batchCount() == 3)
            #expect(try await device.journalEntries() == entries + 3)
            let products = try #require(try await device.json("batches").asArray).compactMap { $0["product"]?.asString }
            #expect(Set(products) == ["200102", "220302", "100104"])
            let verified = try await device.run("verify")
            #expect(verified.status == 0, "\(verified)")
        }
    }

    @Test func anImportNeedsTheOperatorsRegistered() async throws {
        try await withDevice { device in
            let result = try await device.run("import", Fixtures.path("import/weighing-sample.csv"), "--lang", "en")
            #expect(result.status != 0, "\(result)")
            #expect(result.stderr.contains("no operator \"OP-46010001-004\""), "\(result)")
            #expect(try await device.batchCount() == 0)
            #expect(try await device.journalEntries() == 0)
        }
    }
}
