import Testing
@testable import SyncCore
import TestSupport

@Suite("CSV reader (RFC 4180)")
struct CSVReaderTests {
    @Test func quotedFieldsMayHoldCommasAndDoubledQuotes() throws {
        let text = #"a,"Guangxi Yulin Huasheng Meat Co., Ltd.","海口""绿叶""蔬菜配送中心",""""\#n"#
        let records = try CSVReader.records(text)
        #expect(records == [CSVRecord(line: 1, fields: ["a", "Guangxi Yulin Huasheng Meat Co., Ltd.", #"海口"绿叶"蔬菜配送中心"#, "\""])])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try CSVReader.records("a,,b,\n,\n\"\"\n") == [
            CSVRecord(line: 1, fields: ["a", "", "b", ""]),
            CSVRecord(line: 2, fields: ["", ""]),
            CSVRecord(line: 3, fields: [""]),
        ])
    }

    @Test func aRecordSpanningLinesIsNumberedByTheLineItStartsOn() throws {
        let text = "h1,h2\n1,\"two\nlines\"\n2,\"three\n\nlines\"\n3,x\n"
        let records = try CSVReader.records(text)
        #expect(records.map(\.line) == [1, 2, 4, 7])
        #expect(records[1].fields == ["1", "two\nlines"])
        #expect(records[2].fields == ["2", "three\n\nlines"])
        #expect(records[3].fields == ["3", "x"])
    }

    @Test func crlfLineEndsAreNotPartOfAnyField() throws {
        let records = try CSVReader.records("time,product\r\n2026-11-24,100101\r\n2026-11-25,\"芒果\"\r\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["time", "product"]),
            CSVRecord(line: 2, fields: ["2026-11-24", "100101"]),
            CSVRecord(line: 3, fields: ["2026-11-25", "芒果"]),
        ])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let records = try CSVReader.records("\u{FEFF}time,product\r\nx,y")
        #expect(records.first?.fields == ["time", "product"])
        #expect(records.last == CSVRecord(line: 2, fields: ["x", "y"]))
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try CSVReader.records("a\n\n\r\nb\n\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])])
    }

    @Test func theLastRecordNeedsNoLineEnd() throws {
        #expect(try CSVReader.records("a,b\nc,\"d\"") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])])
        #expect(try CSVReader.records("").isEmpty)
    }

    @Test(arguments: [
        ("a,b\nc,\"never closed\nd,e\n", 2),
        ("h\n\n\"x\"\n\"open", 4),
        ("h1,h2\n1,\"two\nlines\"\n2,\"three\n", 4),
    ])
    func anUnclosedQuoteIsReportedOnTheLineItOpens(text: String, line: Int) {
        let error = #expect(throws: TraceSyncError.self) { try CSVReader.records(text) }
        #expect(error?.code == .csvUnclosedQuote)
        #expect(error?.field == "line \(line)")
        #expect(error?.message.en.contains("line \(line)") == true)
        #expect(error?.message.zh.contains("第 \(line) 行") == true)
    }

    @Test func writtenFieldsReadBack() throws {
        let values = ["plain", "with, comma", #"with "quotes""#, "two\nlines", "", "海口\"绿叶\""]
        let line = values.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        #expect(try CSVReader.records(line + line).map(\.fields) == [values, values])
    }
}
