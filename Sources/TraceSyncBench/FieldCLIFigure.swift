import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 5: what an inspector waits for at the terminal. `field receive` start to exit, against `field --help` (the
/// cost of starting the process at all); and `field import` of a weighing-system CSV, as a process and in-process
/// (`FieldStore.importReceipts`, so start-up does not count), against a raw INSERT of the journal rows it wrote and
/// against SQLite writing exactly the rows the import wrote.
struct FieldCLIFigure {
    let receives: Int
    let importRows: Int

    func run(into report: Report) throws {
        let directory = try ScratchDirectory("field")
        defer { directory.remove() }
        let database = directory.path("device.sqlite")
        try prepareDevice(at: database, in: directory)
        let environment = ["FIELD_DB": database, "FIELD_LANG": "en"]
        var help: [Double] = [], receive: [Double] = []
        for _ in 0..<receives {
            help.append(try ChildProcess.succeed("field", ["--help"], in: directory).seconds * 1_000)
        }
        let arguments = ["receive", "--product", "200101", "--quantity", "120.5", "--operator", MarketStore.operators[0],
                         "--supplier", "澄迈福山瓜菜合作社", "--origin", "469023"]
        for _ in 0..<receives {
            receive.append(try ChildProcess.succeed("field", arguments, environment: environment, in: directory).seconds * 1_000)
        }
        for (fraction, label) in [(0.5, "p50"), (0.99, "p99")] {
            report.add(Figure("field", "field receive \(label)", value: Measure.percentile(receive, fraction), unit: "ms",
                              baseline: ("field --help", Measure.percentile(help, fraction)),
                              note: fraction == 0.5 ? "\(receives) runs, each a new process on a device database" : nil))
        }

        let importDatabase = directory.path("import.sqlite")
        try prepareDevice(at: importDatabase, in: directory)
        let csv = directory.path("weighing.csv")
        try Self.csv(rows: importRows).write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try ChildProcess.succeed("field", ["import", csv, "--json"],
                                                environment: ["FIELD_DB": importDatabase], in: directory)
        let journal = try FieldStore.open(path: importDatabase).journalEntries()
        guard journal.count >= importRows else { throw BenchError("field import wrote \(journal.count) entries") }
        let raw = try RawBaseline.insertRate(journal, directory: directory)
        report.add(Figure("field", "field import of a \(importRows)-row CSV", value: Double(importRows) / imported.seconds,
                          unit: "rows/s", baseline: ("prepared INSERT of its journal rows", raw),
                          note: "whole process, \(String(format: "%.2f", imported.seconds)) s including start-up and parsing"))
        try importInProcess(directory: directory, into: report)
    }

    /// `FieldStore.importReceipts` of the same kind of CSV in this process, against raw INSERT of its journal rows and
    /// SQLite writing exactly the rows it wrote (prepared INSERTs, changeset), into devices set up alike.
    private func importInProcess(directory: ScratchDirectory, into report: Report) throws {
        func device(_ name: String) throws -> (FieldStore, String) {
            let path = directory.path("\(name).sqlite")
            let store = try FieldStore.initialize(path: path, node: MarketStore.node, deviceNumber: 1, inspector: "符永清")
            _ = try store.registerOperator(Self.receiptOperator)
            return (store, path)
        }
        let (store, path) = try device("in-process")
        let text = Self.csv(rows: importRows)
        let before = directory.path("in-process-before.sqlite")
        try WrittenRows.snapshot(path, to: before)
        let (seconds, result) = try Measure.time { try store.importReceipts(csv: text, skipInvalid: false) }
        guard result.imported.count == importRows else {
            throw BenchError("importReceipts imported \(result.imported.count) of \(importRows): \(result.problems.first.map { "\($0.code) \($0.message.en)" } ?? "")")
        }
        let written = try WrittenRows.since(before, in: path)
        let raw = try RawBaseline.insertRate(try store.journalEntries(), directory: directory)
        let (insertTarget, _) = try device("same-rows-insert")
        let sameInsert = try written.insertSeconds(into: RawDatabase(borrowing: insertTarget.database))
        let (source, _) = try device("same-rows-source"), (applyTarget, _) = try device("same-rows-apply")
        let sameApply = try written.changesetApplySeconds(source: RawDatabase(borrowing: source.database),
                                                          target: RawDatabase(borrowing: applyTarget.database))
        let rate = Double(importRows) / seconds
        report.add(Figure("field", "importReceipts in-process, \(importRows) rows", value: rate, unit: "rows/s",
                          baseline: ("prepared INSERT of its journal rows", raw),
                          note: "\(String(format: "%.2f", seconds)) s: parse, check, write; rows written: \(written.summary)"))
        let rows = "the import's \(written.rowCount) new rows"
        report.add(Figure("field", "importReceipts vs raw INSERT of the rows it wrote", value: rate, unit: "rows/s",
                          baseline: ("\(rows), prepared INSERT, 1 transaction", Double(importRows) / sameInsert),
                          note: "rates in CSV rows per second"))
        report.add(Figure("field", "importReceipts vs changeset apply of the rows it wrote", value: rate, unit: "rows/s",
                          baseline: ("\(rows), sqlite3changeset_apply", Double(importRows) / sameApply)))
    }

    /// The operator the CSV's receipts name.
    private static let receiptOperator = OperatorInput(id: MarketStore.operators[0], name: "海口龙华区张记蔬菜批发部",
                                                       kind: .organisation, creditCode: "92460106L3827451XA")

    /// `field init` of a device at node 46010001, then the operator receipts name (registered in-process).
    private func prepareDevice(at path: String, in directory: ScratchDirectory) throws {
        try ChildProcess.succeed("field", ["init", "--node", MarketStore.node, "--device-number", "1",
                                           "--inspector", "符永清"], environment: ["FIELD_DB": path], in: directory)
        let store = try FieldStore.open(path: path)
        _ = try store.registerOperator(Self.receiptOperator)
    }

    /// A weighing-system export of `rows` receipts from the last few hours.
    static func csv(rows: Int) -> String {
        let start = BusinessTime.now() - 6 * 3_600_000
        var lines = ["time,product,quantity,unit,operator,supplier,origin,vehicle_plate"]
        for row in 0..<rows {
            let time = BusinessTime.display(start + Int64(row) * 2_000)
            lines.append("\(time),200101,\(100 + row % 900).5,kg,\(MarketStore.operators[0]),澄迈福山瓜菜合作社,469023,琼A\(10_000 + row)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
