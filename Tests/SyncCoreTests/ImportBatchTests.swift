import Testing
@testable import SyncCore
import TestSupport

@Suite("An import is written in one batch")
struct ImportBatchTests {
    /// The sample export's rows as an inspector would type them into `field receive`, one by one.
    static func sampleInputs() throws -> [ReceiptInput] {
        let records = try CSVReader.records(try fixtureText("import/weighing-sample.csv"))
        let columns = try #require(records.first).fields
        return records.dropFirst().map { record in
            var value: [String: String] = [:]
            for (name, field) in zip(columns, record.fields) where !field.isEmpty { value[name] = field }
            return ReceiptInput(
                product: value["product"]!, quantity: value["quantity"]!, unit: value["unit"],
                operatorRef: value["operator"]!, supplier: value["supplier"]!, origin: value["origin"]!,
                upstreamCode: value["upstream_code"], quarantineCert: value["quarantine_cert"],
                meatQualityCert: value["meat_quality_cert"], originCert: value["origin_cert"],
                vehiclePlate: value["vehicle_plate"], time: value["time"]
            )
        }
    }

    @Test func anImportLeavesTheBatchesReceivingItsRowsOneByOneLeaves() throws {
        try ReceiptImportTests.withMarketStore { imported in
            try ReceiptImportTests.withMarketStore { received in
                let report = try imported.importReceipts(csv: try fixtureText("import/weighing-sample.csv"), skipInvalid: false)
                let codes = try Self.sampleInputs().map { try received.receive($0).code.digits }

                #expect(report.imported == codes)
                #expect(try imported.batches() == received.batches())
                for code in codes {
                    let (batch, typed) = (try imported.requireBatch(code), try received.requireBatch(code))
                    #expect(batch.receipt == typed.receipt)
                    #expect(batch.status == typed.status && batch.balance == typed.balance && batch.flags == typed.flags)
                }
                #expect(try imported.journalCount() == received.journalCount())
                #expect(try imported.verifyJournal() == nil)
            }
        }
    }

    @Test func eachImportedEventKeepsItsJournalPayloadAsItsBody() throws {
        try ReceiptImportTests.withMarketStore { store in
            let report = try store.importReceipts(csv: try fixtureText("import/weighing-sample.csv"), skipInvalid: false)
            let rows = try store.database.query(
                """
                SELECT e.body, j.payload FROM events e JOIN journal j ON j.device_id = e.device_id AND j.seq = e.seq
                WHERE e.kind = 'receipt' ORDER BY e.seq
                """
            )
            #expect(rows.count == report.imported.count)
            for row in rows { #expect(row.string("body") == row.string("payload")) }
            #expect(try store.database.scalar("SELECT count(*) FROM trace_codes") == Int64(report.imported.count))
        }
    }

    @Test func anImportThatFailsWhileWritingLeavesNothing() throws {
        try ReceiptImportTests.withMarketStore { store in
            let journalBefore = try store.journalCount()
            // The serials of the sample's day are all but used up: the third row finds none left.
            try store.database.run("INSERT INTO code_serials (day, last) VALUES ('261124', 99997)")
            let error = #expect(throws: TraceSyncError.self) {
                try store.importReceipts(csv: try fixtureText("import/weighing-sample.csv"), skipInvalid: false)
            }
            #expect(error?.code == .serialsExhausted)
            #expect(try store.journalCount() == journalBefore)
            #expect(try store.batches().isEmpty)
            #expect(try store.database.scalar("SELECT count(*) FROM imported_rows") == 0)
            #expect(try store.database.scalar("SELECT last FROM code_serials WHERE day = '261124'") == 99_997)
        }
    }

    /// The forms a weighing system writes, read by integer arithmetic, give the moments the formatters gave.
    @Test(arguments: [
        ("2026-11-24 05:12", 1_795_468_320_000), ("2026-11-24 05:12:07", 1_795_468_327_000),
        ("2026-11-24T05:12", 1_795_468_320_000), ("2026-11-24T05:12:07", 1_795_468_327_000),
        ("2026-11-24", 1_795_449_600_000), ("2024-02-29 23:59:59", 1_709_222_399_000),
        ("2000-03-01 00:00", 951_840_000_000), ("2026-11-24T05:12:00+08:00", 1_795_468_320_000),
    ] as [(String, Int64)])
    func weighingSystemTimesReadAsChinaStandardTime(text: String, millis: Int64) throws {
        #expect(try BusinessTime.parse(text) == millis)
    }

    @Test(arguments: ["2026-02-29 05:12", "2026-13-01", "2026-11-31", "2026-11-24 25:00", "2026-11-24 05:60"])
    func impossibleTimesAreRefused(text: String) throws {
        let error = #expect(throws: TraceSyncError.self) { try BusinessTime.parse(text) }
        #expect(error?.code == .badTime)
    }
}
