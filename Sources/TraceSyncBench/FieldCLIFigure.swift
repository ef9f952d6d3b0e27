import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 5: what an inspector waits for at the terminal. `field receive` start to exit, against `field --help` (the
/// cost of starting the process at all); and `field import` of a weighing-system CSV, against a raw INSERT of the
/// journal rows it wrote.
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
    }

    /// `field init` of a device at node 46010001, then the operator receipts name (registered in-process).
    private func prepareDevice(at path: String, in directory: ScratchDirectory) throws {
        try ChildProcess.succeed("field", ["init", "--node", MarketStore.node, "--device-number", "1",
                                           "--inspector", "符永清"], environment: ["FIELD_DB": path], in: directory)
        let store = try FieldStore.open(path: path)
        _ = try store.registerOperator(OperatorInput(id: MarketStore.operators[0], name: "海口龙华区张记蔬菜批发部",
                                                     kind: .organisation, creditCode: "92460106L3827451XA"))
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
