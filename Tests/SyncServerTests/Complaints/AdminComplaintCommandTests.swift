import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `sync-server admin complaints list|answer`, parsed and run in process on the store of a running test server.
@Suite struct AdminComplaintCommandTests {
    func run(_ arguments: [String]) throws {
        var command = try SyncServerCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func listAndAnswerWorkOnTheStoreAndTheAnswerIsAudited() async throws {
        try await withServer { server in
            let complaint = try await AdminComplaintRouteTests.filed(server)
            let db = ["--db", server.databasePath]
            try run(["admin", "complaints", "list", "--node", "46010001", "--status", "received"] + db)
            try run(["admin", "complaints", "list", "--json"] + db)
            try run(["admin", "complaints", "answer", "\(complaint.id)", "--status", "in_progress"] + db)
            try run(["admin", "complaints", "answer", "\(complaint.id)", "--status", "answered", "--reply", "已补足差额。",
                     "--upheld", "no", "--author", "王主任", "--json"] + db)
            let answered = try server.admin { try $0.complaint(complaint.id) }
            #expect(answered.status == .answered && answered.reply == "已补足差额。" && answered.upheld == false)
            #expect(answered.updatedBy == "王主任")
            let audited = try server.admin { try $0.auditRecords(action: "complaint.answer") }.map(\.event)
            #expect(audited.map(\.target) == ["complaint:\(complaint.id)", "complaint:\(complaint.id)"])
            #expect(audited.allSatisfy { $0.actor.hasPrefix("cli:") && $0.outcome == .success })
        }
    }

    @Test func badValuesAreRefusedBeforeAnyWorkInBothLanguagesAndRefusalsChangeNothing() async throws {
        try await withServer { server in
            let complaint = try await AdminComplaintRouteTests.filed(server)
            let db = ["--db", server.databasePath]
            for arguments in [
                ["admin", "complaints", "list", "--status", "closed"],
                ["admin", "complaints", "list", "--node", "4601"],
                ["admin", "complaints", "answer", "\(complaint.id)", "--status", "answered", "--reply", "好"],
                ["admin", "complaints", "answer", "\(complaint.id)", "--status", "answered", "--reply", "<b>好</b>", "--upheld", "yes"],
                ["admin", "complaints", "answer", "\(complaint.id)", "--status", "in_progress", "--upheld", "maybe"],
            ] {
                do {
                    _ = try SyncServerCommand.parseAsRoot(arguments + db)
                    Issue.record("\(arguments) passed validation")
                } catch {
                    let message = SyncServerCommand.message(for: error)
                    #expect(message.contains(" / ") && !message.isEmpty, "\(arguments): \(message)")
                }
            }
            #expect(throws: ExitCode.failure) {
                try run(["admin", "complaints", "answer", "999", "--status", "in_progress"] + db)
            }
            #expect(throws: ExitCode.failure) { try run(["admin", "complaints", "list", "--node", "46019999"] + db) }
            #expect(try server.admin { try $0.complaint(complaint.id) }.status == .received)
        }
    }

    @Test func serveTakesTheComplaintLimitsAndRefusesZero() throws {
        for option in ["--complaint-rate-limit", "--complaints-per-code"] {
            #expect(throws: (any Error).self) { _ = try SyncServerCommand.parseAsRoot(["serve", option, "0"]) }
            #expect(throws: Never.self) { _ = try SyncServerCommand.parseAsRoot(["serve", option, "3"]) }
        }
    }
}
