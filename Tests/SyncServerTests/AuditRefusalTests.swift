import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Refusals that answer no refusal status, and refusals of ended sessions, reach the audit log under the real actor.
@Suite struct AuditRefusalTests {
    @Test func aPushOfAnotherNodesDataOrAnAdminsActIsAuditedAsRefusedByThatDevice() async throws {
        try await withServer { server in
            let device = try await server.enroll(node: "46010001")
            var journal = JournalWriter(device: device)
            let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
            try journal.receive(serial: 2, operatorId: "OP-46010002-001")
            let batch = try #require(receipt.payload["batchCode"])
            let release = try JSONValue.object([
                "batchCode": batch, "lifts": .array([]), "retests": .array([]), "note": .string("复检合格"),
                "time": .integer(BusinessTime.now()),
            ]).decode(Release.self)
            try journal.append(.release(release))
            let pushed = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)
            #expect(pushed.status == .ok)
            let verdicts = try pushed.decoded(PushResponse.self).verdicts
            #expect(verdicts.map(\.reasonCode) == [nil, "out_of_scope", "release_not_allowed"])
            let records = try server.admin { try $0.auditRecords(actor: "device:\(device.deviceId)") }
            let record = try #require(records.last, "the push that wrote another node's data left no audit record")
            #expect(record.event.action == "sync.push" && record.event.outcome == .refused && record.event.status == 200)
            #expect(record.event.detail == "out_of_scope seq 2; release_not_allowed seq 3")
        }
    }

    @Test func aPushOfAnotherDevicesEntriesIsAuditedAsRefusedByTheSender() async throws {
        try await withServer { server in
            let sender = try await server.enroll(node: "46010001")
            let other = try await server.enroll(node: "46010002")
            var journal = JournalWriter(device: other)
            try journal.receive(serial: 1, operatorId: "OP-46010002-001")
            let pushed = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: sender.secret)
            #expect(try pushed.apiError.code == "wrong_device")
            let records = try server.admin { try $0.auditRecords(actor: "device:\(sender.deviceId)") }
            let record = try #require(records.last, "the push of another device's entries left no audit record")
            #expect(record.event.action == "sync.push" && record.event.outcome == .refused)
            #expect(record.event.detail?.hasPrefix("wrong_device") == true)
        }
    }

    @Test func aLoggedOutOrExpiredSessionIsAuditedAsItsUser() async throws {
        try await withServer { server in
            let loggedOut = try server.adminToken()
            #expect(try await server.send(.post, "/v1/auth/logout", secret: loggedOut).status == .noContent)
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: loggedOut).status == .unauthorized)
            #expect(try await server.send(.post, "/v1/auth/logout", secret: loggedOut).status == .unauthorized)
            let expired = try server.adminToken()
            try server.admin { store in
                try store.database.run("UPDATE admin_sessions SET last_used_at = ? WHERE ended_at IS NULL",
                                       BusinessTime.now() - 31 * 60_000)
            }
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: expired).status == .unauthorized)

            let refused = try server.admin { try $0.auditRecords() }.filter { $0.event.status == 401 }
            #expect(refused.count == 3)
            #expect(refused.allSatisfy { $0.event.actor == "user:province" && $0.event.detail == "session_expired" },
                    "\(refused.map(\.event.actor))")
        }
    }
}
