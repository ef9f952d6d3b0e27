import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `sync-server admin findings run|list|follow-up|settings` on the central database.
@Suite struct AdminFindingsCommandTests {
    static func run(_ arguments: [String]) throws {
        var command = try SyncServerCommand.parseAsRoot(["admin", "findings"] + arguments)
        try command.run()
    }

    @Test func runFindsTheOversoldBatchOnceAndAFollowUpIsRecordedAndAudited() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            let db = ["--db", server.databasePath]
            try Self.run(["run"] + db)
            try Self.run(["run", "--node", "46010001"] + db)
            let findings = try server.admin { try $0.findings(FindingFilter(check: "batch_balance")) }
            #expect(findings.count == 1)
            let id = try #require(findings.first?.id)
            try Self.run(["list", "--node", "46010001", "--csv"] + db)
            try Self.run(["follow-up", String(id), "--status", "followed_up", "--note", "已到摊位核实 / visited the stall", "--author", "王芳"] + db)
            let record = try server.admin { try $0.finding(id) }
            #expect(record.status == .followedUp)
            #expect(record.followedUpBy == "王芳")
            #expect(try server.admin { try $0.auditRecords(action: "finding.follow_up") }.map(\.event.target) == [String(id)])
            #expect(throws: ExitCode.failure) { try Self.run(["follow-up", String(id), "--status", "closed", "--note", "x"] + db) }
        }
    }

    @Test func settingsAreSetByNameAndAnUnknownOneIsRefused() async throws {
        try await withServer { server in
            let db = ["--db", server.databasePath]
            try Self.run(["settings", "--set", "quantity_outlier.z=4", "--set", "odd_hours.enabled=0"] + db)
            let settings = try server.admin { try $0.supervisionSettings() }
            #expect(settings[.quantityOutlierZ] == 4)
            #expect(!settings.isEnabled(OddHourCheck.self))
            #expect(throws: ExitCode.failure) { try Self.run(["settings", "--set", "quantity_outlier.zz=4"] + db) }
            #expect(throws: (any Error).self) { try Self.run(["settings", "--set", "quantity_outlier.z"] + db) }
        }
    }
}
