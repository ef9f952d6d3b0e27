import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `admin recall`, `admin stats` and `export …`: their values are checked before any work, naming the option.
@Suite struct ExportCommandTests {
    @Test(arguments: [
        (["admin", "stats", "--from", "24/11/2026", "--to", "2026-11-24"], "from=24/11/2026"),
        (["admin", "stats", "--from", "2026-11-24", "--to", "2026-11-01"], "to=2026-11-01"),
        (["export", "epcis", "--from", "2026-11-24", "--to", "2026-11-24", "--node", "abc"], "node=abc"),
        (["export", "feed", "--limit", "0"], "limit=0"),
        (["export", "csv", "--kind", "prices", "--from", "2026-11-24", "--to", "2026-11-24"], "prices"),
        (["admin", "recall", "1", "--format", "xml"], "xml"),
    ])
    func aBadValueIsAUsageErrorNamingIt(arguments: [String], mentions: String) {
        do {
            _ = try SyncServerCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(SyncServerCommand.exitCode(for: error) == .validationFailure)
            #expect(SyncServerCommand.message(for: error).contains(mentions), "\(SyncServerCommand.message(for: error))")
        }
    }

    @Test(arguments: [[], ["--from", "2026-11-24"]])
    func statsWithoutDatesCountTodayAndWithOneDayCountThatDay(dates: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerStats-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("central.sqlite").path
        _ = try DemoMarkets.seed(into: try CentralStore(path: db), now: BusinessTime.now())
        var stats = try SyncServerCommand.parseAsRoot(["admin", "stats", "--db", db, "--json"] + dates)
        try stats.run()
    }

    @Test func theCSVExportIsWrittenToTheFileNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerExport-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("central.sqlite").path
        _ = try DemoMarkets.seed(into: try CentralStore(path: db), now: BusinessTime.now())
        let out = directory.appendingPathComponent("batches.csv").path
        var export = try SyncServerCommand.parseAsRoot([
            "export", "csv", "--db", db, "--kind", "batches", "--from", "2026-11-01", "--to", "2026-11-30", "--out", out,
        ])
        try export.run()
        #expect(try String(contentsOfFile: out, encoding: .utf8) == RegulatorCSV.batches.columns.joined(separator: ",") + "\n")
    }
}
