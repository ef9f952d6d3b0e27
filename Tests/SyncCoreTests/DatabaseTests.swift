import Foundation
import Testing
@testable import SyncCore
import TestSupport

@Suite("SQLite layer")
struct DatabaseTests {
    struct Boom: Error {}

    static func memory() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        return database
    }

    static func count(_ database: Database) throws -> Int64 {
        try #require(try database.scalar("SELECT count(*) FROM items"))
    }

    @Test func aTransactionThatThrowsRollsBackEverything() throws {
        let database = try Self.memory()
        try database.run("INSERT INTO items (name) VALUES (?)", "kept")
        #expect(throws: Boom.self) {
            try database.inTransaction {
                try database.run("INSERT INTO items (name) VALUES (?)", "first")
                try database.run("UPDATE items SET name = ? WHERE name = ?", "renamed", "kept")
                try database.execute("CREATE TABLE extra (x)")
                throw Boom()
            }
        }
        #expect(!database.isInTransaction)
        #expect(try database.query("SELECT name FROM items").compactMap { $0.string("name") } == ["kept"])
        #expect(try database.row("SELECT name FROM sqlite_master WHERE name = 'extra'") == nil)
    }

    @Test func aFailingStatementRollsBackTheWritesBeforeIt() throws {
        let database = try Self.memory()
        let error = #expect(throws: DatabaseError.self) {
            try database.inTransaction {
                try database.run("INSERT INTO items (name) VALUES (?)", "a")
                try database.run("INSERT INTO items (name) VALUES (?)", "a")
            }
        }
        #expect(error?.isConstraintViolation == true)
        #expect(try Self.count(database) == 0)
    }

    @Test func aTransactionThatSucceedsCommitsAndReturnsItsResult() throws {
        let database = try Self.memory()
        let id = try database.inTransaction {
            try database.run("INSERT INTO items (name) VALUES (?)", "a")
            return database.lastInsertRowID
        }
        #expect(id == 1)
        #expect(!database.isInTransaction)
        #expect(try Self.count(database) == 1)
    }

    @Test func aCaughtFailureInANestedTransactionUndoesOnlyItsOwnPart() throws {
        let database = try Self.memory()
        try database.inTransaction {
            try database.run("INSERT INTO items (name) VALUES (?)", "outer")
            do {
                try database.inTransaction {
                    try database.run("INSERT INTO items (name) VALUES (?)", "inner")
                    throw Boom()
                }
            } catch is Boom {}
            #expect(database.isInTransaction)
        }
        #expect(try database.query("SELECT name FROM items").compactMap { $0.string("name") } == ["outer"])
    }

    @Test func anErrorDescriptionNamesTheSQLButNoBoundValue() throws {
        let database = try Database(path: ":memory:")
        try database.execute("""
            CREATE TABLE people (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE,
                                 phone TEXT CHECK (length(phone) = 11))
            """)
        let idNumber = "460107198603120426"
        let sql = "INSERT INTO people (id_number, phone) VALUES (?, ?)"
        try database.run(sql, idNumber, "13808981274")

        let duplicate = #expect(throws: DatabaseError.self) { try database.run(sql, idNumber, "13907654321") }
        let badPhone = #expect(throws: DatabaseError.self) { try database.run(sql, "460107198603120434", "1380898") }
        for error in [duplicate, badPhone] {
            let error = try #require(error)
            #expect(error.isConstraintViolation)
            #expect(error.sql == sql)
            #expect(error.description.contains(sql))
            for value in [idNumber, "460107198603120434", "13907654321", "1380898"] {
                #expect(!error.description.contains(value))
                #expect(!"\(error)".contains(value))
                #expect(!error.message.contains(value))
            }
        }
    }

    @Test func aWrongNumberOfArgumentsIsRefusedBeforeRunning() throws {
        let database = try Self.memory()
        let error = #expect(throws: DatabaseError.self) { try database.run("INSERT INTO items (name) VALUES (?)") }
        #expect(error?.sql == "INSERT INTO items (name) VALUES (?)")
        #expect(try Self.count(database) == 0)
    }

    @Test func valuesRoundTripThroughEveryStorageClass() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (i, r, s, b, n)")
        try database.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64.min, 1.5, "海口 \"A\" ✓", DatabaseValue.blob([0, 1, 255]), String?.none)
        let row = try #require(try database.row("SELECT * FROM t"))
        #expect(row["i"] == .integer(Int64.min))
        #expect(row["r"] == .real(1.5))
        #expect(row["s"] == .text("海口 \"A\" ✓"))
        #expect(row["b"] == .blob([0, 1, 255]))
        #expect(row["n"] == .null)
        #expect(row["missing"] == .null)
    }

    @Test func migrationsAreRecordedByNameAndAppliedOnce() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("m.sqlite").path
            var migrator = Migrator()
            migrator.register("v1-items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);")
            migrator.register("v2-seed", sql: "INSERT INTO items (name) VALUES ('seed');")
            do {
                let database = try Database(path: path)
                try migrator.migrate(database)
                try migrator.migrate(database)
            }
            let database = try Database(path: path)
            try migrator.migrate(database)
            #expect(try database.query("SELECT name FROM schema_migrations ORDER BY name").compactMap { $0.string("name") }
                    == ["v1-items", "v2-seed"])
            #expect(try database.scalar("SELECT count(*) FROM items") == 1)

            var grown = migrator
            grown.register("v3-more", sql: "ALTER TABLE items ADD COLUMN note TEXT;")
            try grown.migrate(database)
            try grown.migrate(database)
            #expect(try database.scalar("SELECT count(*) FROM schema_migrations") == 3)
            #expect(try database.scalar("SELECT count(*) FROM items") == 1)
            #expect(try database.row("SELECT note FROM items") != nil)
        }
    }

    @Test func aFailingMigrationIsNeitherAppliedNorRecorded() throws {
        let database = try Database(path: ":memory:")
        var migrator = Migrator()
        migrator.register("v1", sql: "CREATE TABLE a (x);")
        migrator.register("v2-broken", sql: "CREATE TABLE b (x); CREATE TABLE a (x);")
        #expect(throws: DatabaseError.self) { try migrator.migrate(database) }
        #expect(try database.query("SELECT name FROM schema_migrations").compactMap { $0.string("name") } == ["v1"])
        #expect(try database.row("SELECT name FROM sqlite_master WHERE name = 'b'") == nil)
    }

    @Test func aFileDatabaseUsesWALAndEnforcesForeignKeys() throws {
        try withTemporaryDirectory { directory in
            let database = try Database(path: directory.appendingPathComponent("f.sqlite").path)
            #expect(try database.row("PRAGMA journal_mode")?.string("journal_mode") == "wal")
            #expect(try database.scalar("PRAGMA foreign_keys") == 1)
            try database.execute("""
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent (id));
                """)
            let error = #expect(throws: DatabaseError.self) { try database.run("INSERT INTO child (parent) VALUES (?)", 42) }
            #expect(error?.isConstraintViolation == true)
        }
    }

    @Test func openingAMissingFileWithoutCreateFails() throws {
        try withTemporaryDirectory { directory in
            _ = #expect(throws: DatabaseError.self) {
                try Database(path: directory.appendingPathComponent("absent.sqlite").path, create: false)
            }
        }
    }
}
