import ArgumentParser
import Foundation
import Logging
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `serve --audit-retention-days`: at least six months, 183 days unless told.
@Suite struct AuditRetentionOptionTests {
    @Test func aRetentionShorterThan180DaysIsRefusedBeforeTheServerStarts() {
        #expect(throws: (any Error).self) {
            _ = try SyncServerCommand.parseAsRoot(["serve", "--audit-retention-days", "179"])
        }
    }

    @Test func theDefaultRetentionIs183Days() throws {
        let command = try SyncServerCommand.parseAsRoot(["serve", "--audit-retention-days", "180"])
        #expect((command as? SyncServerCommand.Serve)?.auditRetentionDays == 180)
        #expect(try (SyncServerCommand.parseAsRoot(["serve"]) as? SyncServerCommand.Serve)?.auditRetentionDays == 183)
    }

    @Test func theServerPurgesRecordsPastRetentionWhenItStarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("AuditRetention-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("central.sqlite").path
        let store = try CentralStore(path: path)
        store.clock = { BusinessTime.now() - 200 * 86_400_000 }
        try store.audit(AuditEvent(actor: "cli:root", action: "node.add", target: "46010003", outcome: .success))
        let service = try CentralService(path: path)
        let retention = AuditRetentionService(service: service, retentionDays: 183, logger: Logger(label: "test"))
        let running = Task { try await retention.run() }
        defer { running.cancel() }
        var actions: [String] = []
        for _ in 0..<100 where !actions.contains("audit.purge") {
            try await Task.sleep(for: .milliseconds(20))
            actions = try await service.auditRecords(since: nil, until: nil, actor: nil, action: nil).map(\.event.action)
        }
        #expect(actions == ["audit.purge"])
        let problem = try store.verifyAuditChain()
        let records = try store.auditRecords()
        #expect(problem == nil, "\(String(describing: problem)) \(records)")
    }
}
