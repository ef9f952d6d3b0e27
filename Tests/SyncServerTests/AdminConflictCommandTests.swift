import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `sync-server admin conflicts …` parsed and run in process, on the store of a running test server.
@Suite struct AdminConflictCommandTests {
    /// Parses and runs `arguments` as the command line would.
    func run(_ arguments: [String]) throws {
        var command = try SyncServerCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func listShowAndResolveWorkOnTheStore() async throws {
        try await withServer { server in
            let edit = try await server.concurrentEdit()
            let db = ["--db", server.databasePath]
            try run(["admin", "conflicts", "list", "--status", "open", "--kind", "concurrent_edit", "--node", "46010001"] + db)
            try run(["admin", "conflicts", "list", "--json"] + db)
            try run(["admin", "conflicts", "show", "\(edit.conflict.id)"] + db)
            try run(["admin", "conflicts", "resolve", "\(edit.conflict.id)", "--action", "choose", "--candidate", "1",
                     "--note", "以供货单为准"] + db)
            let resolved = try server.admin { try $0.conflict(edit.conflict.id) }
            #expect(resolved.status == .resolved)
            #expect(resolved.resolution?.author == "admin-cli")
            #expect(resolved.resolution?.candidate == 1)
            #expect(resolved.resolution?.serverSeq == 1)
            try run(["admin", "conflicts", "show", "\(edit.conflict.id)", "--json"] + db)
        }
    }

    @Test func theAuthorCanBeNamed() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            try run(["admin", "conflicts", "resolve", "\(sold.conflict.id)", "--db", server.databasePath, "--action", "accept",
                     "--note", "已补登进货", "--author", "王主任", "--json"])
            #expect(try server.admin { try $0.conflict(sold.conflict.id) }.resolution?.author == "王主任")
        }
    }

    @Test func aRefusalEndsWithExitCode1() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let db = ["--db", server.databasePath]
            #expect(throws: ExitCode.failure) {
                try run(["admin", "conflicts", "resolve", "\(sold.conflict.id)", "--action", "choose", "--candidate", "0",
                         "--note", "x"] + db)
            }
            #expect(try server.admin { try $0.conflict(sold.conflict.id) }.status == .open)
            let resolve = ["admin", "conflicts", "resolve", "\(sold.conflict.id)", "--action", "accept", "--note", "x"] + db
            try run(resolve)
            #expect(throws: ExitCode.failure) { try run(resolve) }
            #expect(throws: ExitCode.failure) { try run(["admin", "conflicts", "show", "999"] + db) }
            #expect(throws: ExitCode.failure) { try run(["admin", "conflicts", "list", "--node", "46019999"] + db) }
        }
    }

    @Test(arguments: [
        (["list", "--status", "closed"], "open, resolved"),
        (["list", "--kind", "clash"], "concurrent_edit"),
        (["list", "--node", "4601"], "8 digits"),
        (["resolve", "1", "--action", "pick", "--note", "x"], "choose, set, void, accept"),
        (["resolve", "1", "--action", "accept"], "--note"),
        (["resolve", "1", "--action", "accept", "--note", "x", "--author", " "], "--author"),
        (["show", "abc"], "id"),
    ])
    func aBadCommandLineIsAUsageError(arguments: [String], mentions: String) throws {
        do {
            _ = try SyncServerCommand.parseAsRoot(["admin", "conflicts"] + arguments + ["--db", "/nonexistent/central.sqlite"])
            Issue.record("parsed \(arguments)")
        } catch {
            #expect(SyncServerCommand.exitCode(for: error) == .validationFailure)
            #expect(SyncServerCommand.message(for: error).contains(mentions), "\(SyncServerCommand.message(for: error))")
        }
    }

    @Test func aMissingDatabaseIsRefused() throws {
        #expect(throws: ExitCode.failure) {
            try run(["admin", "conflicts", "list", "--db", "/nonexistent/central.sqlite"])
        }
    }
}
