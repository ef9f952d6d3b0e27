import Testing
@testable import SyncCore
import TestSupport

/// The device store reads its required columns through the throwing accessors: a stored value that lost its column,
/// was emptied, or holds a value this build does not know answers an `internal_error` naming the column, where a
/// force-unwrap crashed the field tool.
@Suite("Device store row reads that fail loudly")
struct DeviceRowReadTests {
    @Test func aBatchWithAnUnknownStoredStatusThrowsNamingTheColumn() throws {
        try withFieldStore { store in
            try store.registerDemoOperators()
            _ = try store.receiveBokChoy()
            #expect(try store.batches().count == 1)
            try store.database.run("UPDATE batches SET status = 'lost-in-transit'")
            let error = #expect(throws: TraceSyncError.self) { try store.batches() }
            #expect(error?.code == .internalError)
            #expect(error?.field == "status")
            #expect(error?.message.en.contains("lost-in-transit") == true)
        }
    }

    @Test func anEventWithAnUnknownStoredKindThrowsInsteadOfCrashing() throws {
        try withFieldStore { store in
            try store.registerDemoOperators()
            let code = try store.receiveBokChoy()
            try store.database.run("UPDATE events SET kind = 'teleport'")
            let error = #expect(throws: TraceSyncError.self) { try store.events(ofBatch: code) }
            #expect(error?.code == .internalError)
            #expect(error?.field == "kind")
        }
    }

    @Test func anEmptiedOrLostRequiredColumnThrowsNamingIt() throws {
        try withFieldStore { store in
            let emptied = try #require(try store.database.row(
                "SELECT code, name, name_en, industry, category, NULL AS unit FROM products ORDER BY code LIMIT 1"
            ))
            let null = #expect(throws: TraceSyncError.self) { try CatalogueTables.product(emptied) }
            #expect(null?.code == .internalError && null?.field == "unit")
            let lost = try #require(try store.database.row("SELECT code, name, name_en, parent FROM regions LIMIT 1"))
            let missing = Row.$trapsOnMissingColumn.withValue(false) {
                #expect(throws: TraceSyncError.self) { try CatalogueTables.region(lost) }
            }
            #expect(missing?.code == .internalError && missing?.field == "level")
        }
    }

    @Test func aStoredValueReadsAsItsType() throws {
        let database = try Database(path: ":memory:")
        let row = try #require(try database.query(
            "SELECT 'receipt' AS kind, 'nonsense' AS odd, '000001764000000-000000-dev' AS hlc, 'later' AS bad_clock"
        ).first)
        #expect(try row.stored("kind", as: EventKind.self) == .receipt)
        let odd = #expect(throws: TraceSyncError.self) { try row.stored("odd", as: EventKind.self) }
        #expect(odd?.code == .internalError && odd?.field == "odd")
        #expect(try row.clock("hlc") == HLCTimestamp("000001764000000-000000-dev"))
        let clock = #expect(throws: TraceSyncError.self) { try row.clock("bad_clock") }
        #expect(clock?.field == "bad_clock")
    }
}
