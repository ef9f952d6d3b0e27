import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// A node's public phone number and address: set by `admin node add` and `admin node contact`, shown on the
/// consumer's page.
@Suite struct NodeContactCommandTests {
    static func withStore(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("NodeContact-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.appendingPathComponent("central.sqlite").path)
    }

    static func run(_ arguments: [String]) throws {
        var command = try SyncServerCommand.parseAsRoot(arguments)
        try command.run()
    }

    static func addMarket(_ db: String, _ extra: [String] = []) throws {
        try run(["admin", "node", "add", "--db", db, "--code", "46010003", "--name", "海口市美兰区和平农贸市场",
                 "--kind", "farmers_market", "--region", "460108"] + extra)
    }

    @Test func aNodeAddedWithItsContactKeepsIt() throws {
        try Self.withStore { db in
            try Self.addMarket(db, ["--phone", "0898-6539 2718", "--address", "海口市美兰区和平北路 52 号"])
            let node = try CentralStore(path: db).node("46010003")
            #expect(node.phone == "0898-6539 2718" && node.address == "海口市美兰区和平北路 52 号")
        }
    }

    @Test func contactChangesWhatIsGivenAndAnEmptyValueClearsIt() throws {
        try Self.withStore { db in
            try Self.addMarket(db)
            #expect(try CentralStore(path: db).node("46010003").phone == nil)
            try Self.run(["admin", "node", "contact", "46010003", "--db", db, "--phone", "0898-6539 2718", "--address", "和平北路 52 号"])
            try Self.run(["admin", "node", "contact", "46010003", "--db", db, "--address", "海口市美兰区和平北路 52 号"])
            var node = try CentralStore(path: db).node("46010003")
            #expect(node.phone == "0898-6539 2718" && node.address == "海口市美兰区和平北路 52 号")
            try Self.run(["admin", "node", "contact", "46010003", "--db", db, "--phone", ""])
            node = try CentralStore(path: db).node("46010003")
            #expect(node.phone == nil && node.address == "海口市美兰区和平北路 52 号")
        }
    }

    @Test(arguments: ["电话 6539", "0898", "0898-6539-2718-1234-5678-9"])
    func aPhoneThatIsNotOneIsRefusedAndChangesNothing(phone: String) throws {
        try Self.withStore { db in
            try Self.addMarket(db, ["--phone", "0898-6539 2718"])
            #expect(throws: ExitCode.failure) {
                try Self.run(["admin", "node", "contact", "46010003", "--db", db, "--phone", phone])
            }
            #expect(try CentralStore(path: db).node("46010003").phone == "0898-6539 2718")
            let error = #expect(throws: TraceSyncError.self) {
                try CentralStore(path: db).setNodeContact("46010003", phone: phone, address: nil)
            }
            #expect(error?.code == .badNode && error?.field == "phone")
            #expect(error?.message.zh.contains("公开电话") == true && error?.message.en.contains("public number") == true)
        }
    }

    @Test func contactWithNothingToSetIsAUsageError() throws {
        #expect(throws: (any Error).self) {
            _ = try SyncServerCommand.parseAsRoot(["admin", "node", "contact", "46010003", "--db", "/nonexistent/c.sqlite"])
        }
    }
}
