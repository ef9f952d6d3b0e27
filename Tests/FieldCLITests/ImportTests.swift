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

    @Test func reimportingTheSameFileIsRefusedNamingEveryRowUnlessDuplicatesAreAllowed() async throws {
        try await withDevice { device in
            try await device.registerFixtureOperators()
            let sample = Fixtures.path("import/weighing-sample.csv")
            let first = try await device.run("import", sample, "--json")
            #expect(first.status == 0, "\(first)")
            let rows = try #require(try first.json()["rows"]?.asInt)
            let codes = try #require(try first.json()["imported"]?.asArray).compactMap(\.asString)
            #expect(codes.count == Int(rows))
            let entries = try await device.journalEntries()

            let again = try await device.run("import", sample)
            #expect(again.status != 0, "\(again)")
            #expect(again.stderr.contains("第 2 行：已于"), "\(again)")
            #expect(again.stderr.contains("本文件第 2 行，追溯码 \(codes[0])"), "\(again)")
            #expect(again.stderr.contains("这 \(rows) 行都已导入过"), "\(again)")
            #expect(try await device.journalEntries() == entries, "nothing was recorded twice")
            #expect(try await device.batchCount() == rows)

            let json = try await device.run("import", sample, "--json")
            #expect(try json.json()["problems"]?.asArray?.compactMap { $0["code"]?.asString } == Array(repeating: "already_imported", count: Int(rows)))

            // The same rows in another file (in another order) are found by their content.
            let lines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n").map(String.init)
            let reordered = try await withTemporaryCSV(([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n") { path in
                try await device.run("import", path, "--skip-invalid", "--lang", "en")
            }
            #expect(reordered.status == 0, "\(reordered)")
            #expect(reordered.stdout.contains("line 2: already imported") && reordered.stdout.contains("of another file"), "\(reordered)")
            #expect(reordered.stdout.contains("all \(rows) rows were imported before"), "\(reordered)")

            let allowed = try await device.run("import", sample, "--allow-duplicates")
            #expect(allowed.status == 0, "\(allowed)")
            #expect(try await device.batchCount() == 2 * Int(rows))
        }
    }

    /// Runs `body` with a CSV file holding `text`, removed afterwards.
    private func withTemporaryCSV<T>(_ text: String, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
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
