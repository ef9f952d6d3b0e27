import Testing
@testable import SyncCore
import TestSupport

@Suite("Importing weighing-system receipts")
struct ReceiptImportTests {
    /// Runs `body` on a store of node 46010001 with the operators of `Fixtures/demo/operators.json` registered.
    static func withMarketStore(_ body: (FieldStore) throws -> Void) throws {
        try withFieldStore(node: "46010001", deviceNumber: 2) { store in
            try store.registerDemoOperators()
            #expect(try store.operatorListing().count == 4)
            try body(store)
        }
    }

    @Test func everyRowOfTheSampleExportIsImported() throws {
        try Self.withMarketStore { store in
            let journalBefore = try store.journalCount()
            var progress: [Int] = []
            let report = try store.importReceipts(csv: try fixtureText("import/weighing-sample.csv"), skipInvalid: false) { done, total in
                #expect(total == 20)
                progress.append(done)
            }
            #expect(report.rows == 20)
            #expect(report.problems.isEmpty)
            #expect(report.imported.count == 20)
            #expect(Set(report.imported).count == 20)
            #expect(progress == Array(1...20))
            #expect(try store.journalCount() == journalBefore + 20)
            #expect(try store.batches().count == 20)
            #expect(try store.verifyJournal() == nil)

            // The first row, field by field, as the file has it.
            let first = try store.requireBatch(report.imported[0])
            #expect(first.code.date == "261124")
            #expect(first.code.deviceNumber == 2)
            #expect(first.code.serial == 1)
            #expect(first.receipt.product == "100101")
            #expect(first.received.units == 1_250_500)
            #expect(first.receipt.operatorId == "OP-46010001-004")
            #expect(first.receipt.supplier == "海南澄金肉联食品有限公司")
            #expect(first.receipt.origin == "469023")
            #expect(first.receipt.upstreamCode == "46900001202611240007")
            #expect(first.receipt.quarantineCert == "4600312087")
            #expect(first.receipt.meatQualityCert == "46900001-20261124-007")
            #expect(first.receipt.originCert == nil)
            #expect(first.receipt.vehiclePlate == "琼A3K682")
            #expect(first.receipt.time == 1_795_461_300_000)

            // The second names its product and carries a quoted supplier with a comma.
            let second = try store.requireBatch(report.imported[1])
            #expect(second.receipt.product == "100103")
            #expect(second.receipt.supplier == "Guangxi Yulin Huasheng Meat Co., Ltd.")
        }
    }

    @Test func aFileWithBadRowsImportsNothingAndNamesEveryBadLine() throws {
        try Self.withMarketStore { store in
            let journalBefore = try store.journalCount()
            let report = try store.importReceipts(csv: try fixtureText("import/weighing-bad.csv"), skipInvalid: false)
            #expect(report.rows == 6)
            #expect(report.imported.isEmpty)
            #expect(report.problems.map(\.line) == [3, 5, 6])
            #expect(report.problems.map(\.code) == ["unknown_product", "bad_quantity", "unknown_region"])
            #expect(report.problems.map(\.field) == ["product", "quantity", "origin"])
            #expect(try store.journalCount() == journalBefore)
            #expect(try store.batches().isEmpty)
            #expect(try store.database.scalar("SELECT count(*) FROM code_serials") == 0)
        }
    }

    @Test func skippingInvalidRowsImportsTheGoodOnes() throws {
        try Self.withMarketStore { store in
            let journalBefore = try store.journalCount()
            let report = try store.importReceipts(csv: try fixtureText("import/weighing-bad.csv"), skipInvalid: true)
            #expect(report.rows == 6)
            #expect(report.imported.count == 3)
            #expect(report.problems.map(\.line) == [3, 5, 6])
            #expect(try store.journalCount() == journalBefore + 3)
            let products = try report.imported.map { try store.requireBatch($0).receipt.product }
            // Data rows 1, 3 and 6: 200102 (by code), 番茄 (by name) and 100104 (by code).
            #expect(products == ["200102", "220302", "100104"])
            #expect(try store.requireBatch(report.imported[1]).receipt.supplier == "Yunnan Yuanmou Sunshine Vegetables Co., Ltd.")
        }
    }

    @Test func aRowWithTheWrongNumberOfColumnsIsReportedOnItsLine() throws {
        try Self.withMarketStore { store in
            let csv = "time,product,quantity,unit,operator,supplier,origin\r\n"
                + "2026-11-24T05:02:00+08:00,200102,12,kg,OP-46010001-001,张三,469023\r\n"
                + "2026-11-24T05:03:00+08:00,200102,12,kg,OP-46010001-001,张三\r\n"
            let report = try store.importReceipts(csv: csv, skipInvalid: false)
            #expect(report.problems.map(\.line) == [3])
            #expect(report.problems.map(\.code) == ["csv_columns"])
            #expect(report.imported.isEmpty)
        }
    }

    @Test(arguments: ["time,product,quantity,operator,supplier\n", "time,product,quantity,operator,supplier,origin,colour\n", ""])
    func aFileWithoutTheRightHeaderIsRefused(csv: String) throws {
        try Self.withMarketStore { store in
            let error = #expect(throws: TraceSyncError.self) { try store.importReceipts(csv: csv, skipInvalid: true) }
            #expect(error?.code == (csv.isEmpty ? .csvEmpty : .csvHeader))
        }
    }

    @Test func anUnknownOperatorIsReported() throws {
        try withFieldStore { store in
            // No operators registered: every row of the sample names an unknown one.
            let report = try store.importReceipts(csv: try fixtureText("import/weighing-sample.csv"), skipInvalid: false)
            #expect(report.problems.count == 20)
            #expect(Set(report.problems.map(\.code)) == ["unknown_operator"])
            #expect(report.problems.first?.line == 2)
        }
    }
}
