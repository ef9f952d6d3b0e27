import Testing
@testable import SyncCore

@Suite("Row reads that fail loudly")
struct RowAccessTests {
    static func row() throws -> Row {
        let database = try Database(path: ":memory:")
        let rows = try database.query("SELECT 'pork' AS name, 12 AS quantity, NULL AS note")
        return try #require(rows.first)
    }

    @Test func presentColumnsReadAsTheirValues() throws {
        let row = try Self.row()
        #expect(try row.text("name") == "pork")
        #expect(try row.integer("quantity") == 12)
        #expect(try row.optionalText("note") == nil)
        #expect(try row.optionalInteger("note") == nil)
        #expect(try row.optionalInteger("quantity") == 12)
    }

    @Test func aColumnTheQueryDoesNotSelectThrowsAnInternalErrorNamingIt() throws {
        let row = try Self.row()
        for read in [{ _ = try row.text("colour") }, { _ = try row.optionalText("colour") },
                     { _ = try row.integer("colour") }, { _ = try row.optionalInteger("colour") }] {
            let error = Row.$trapsOnMissingColumn.withValue(false) { #expect(throws: TraceSyncError.self) { try read() } }
            #expect(error?.code == .internalError)
            #expect(error?.field == "colour")
            #expect(error?.message.en.contains("colour") == true)
        }
    }

    @Test func nullInARequiredColumnThrowsNamingIt() throws {
        let row = try Self.row()
        let text = #expect(throws: TraceSyncError.self) { try row.text("note") }
        #expect(text?.code == .internalError && text?.field == "note")
        let number = #expect(throws: TraceSyncError.self) { try row.integer("note") }
        #expect(number?.code == .internalError && number?.field == "note")
    }

    @Test func textInAnIntegerColumnThrowsInsteadOfReadingNil() throws {
        let error = #expect(throws: TraceSyncError.self) { try Self.row().integer("name") }
        #expect(error?.field == "name")
    }
}
