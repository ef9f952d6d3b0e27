import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/admin/holds` and `POST /v1/admin/batches/{code}/release`: a device voiding a failed test leaves the
/// batch held; only an admin of its node, with a note and after a passing re-test, releases it, and it is audited.
@Suite struct AdminHoldRouteTests {
    /// One device receives a batch and fails its test; a second device voids the test.
    struct VoidedFailure {
        var first: JournalWriter
        let second: EnrollResponse
        let receipt: JournalEntry
        let code: String
    }

    static func voidedFailure(_ server: ServerHarness) async throws -> VoidedFailure {
        var first = JournalWriter(device: try await server.enroll())
        let second = try await server.enrollAnother()
        let receipt = try first.receive(serial: 1, operatorId: "OP-46010001-001")
        let failed = try first.inspect(receipt, passed: false)
        try await server.push(first)
        var other = JournalWriter(device: second)
        try other.void(failed)
        #expect(try await server.push(other).verdicts.map(\.reasonCode) == ["hold_voided"])
        let code = try EventBody.decode(kind: receipt.kind, payload: receipt.payload).body.batchCode!.digits
        return VoidedFailure(first: first, second: second, receipt: receipt, code: code)
    }

    func release(_ server: ServerHarness, _ code: String, _ body: String, token: String?) async throws -> TestResponse {
        try await server.send(.post, "/v1/admin/batches/\(code)/release", body: body, secret: token)
    }

    @Test func aReleaseIsRefusedToAuditorsOtherNodesWithoutANoteOrARetest() async throws {
        try await withServer { server in
            let held = try await Self.voidedFailure(server)
            let auditor = try server.loggedIn("shen.ji", .auditor)
            let other = try server.loggedIn("longkun.admin", .node, nodes: ["46010002"])
            let province = try server.adminToken()
            let note = #"{"note":"复检合格"}"#

            let byAuditor = try await release(server, held.code, note, token: auditor)
            #expect(byAuditor.status == .forbidden)
            #expect(try byAuditor.apiError.code == "forbidden")
            let byOtherNode = try await release(server, held.code, note, token: other)
            #expect(byOtherNode.status == .forbidden)
            #expect(try byOtherNode.apiError.code == "forbidden")
            for body in ["{}", #"{"note":"  "}"#] {
                let noNote = try await release(server, held.code, body, token: province)
                #expect(noNote.status == .badRequest, "\(noNote.text)")
                #expect(try noNote.apiError.code == "missing_field")
            }
            let noRetest = try await release(server, held.code, note, token: province)
            #expect(noRetest.status == .conflict, "\(noRetest.text)")
            #expect(try noRetest.apiError.code == "retest_missing")

            #expect(try server.admin { try $0.holds(node: "46010001") }.map(\.code) == [held.code])
            #expect(try server.admin { try $0.conflicts(status: .open, kind: .holdVoided) }.count == 1)
            let records = try server.admin { try $0.auditRecords(action: "hold.release") }
            #expect(records.map(\.event.status) == [403, 403, 400, 400, 409])
            #expect(records.allSatisfy { $0.event.target == held.code })
        }
    }

    @Test func aNodeAdminReleasesAfterARetestAndTheDevicesPullTheRelease() async throws {
        try await withServer { server in
            var held = try await Self.voidedFailure(server)
            try held.first.inspect(held.receipt, passed: true)
            try await server.push(held.first)
            let token = try server.loggedIn("nanbei.admin", .node, nodes: ["46010001"])

            let listed = try await server.send(.get, "/v1/admin/holds?node=46010001", secret: token)
            #expect(listed.status == .ok)
            let holds = try listed.decoded([HeldBatch].self)
            #expect(holds.map(\.code) == [held.code] && holds.first?.releaseRefusal == nil)

            let response = try await release(server, held.code, #"{"note":"复检合格，解除扣留"}"#, token: token)
            #expect(response.status == .ok, "\(response.text)")
            let released = try response.decoded(HoldReleaseRecord.self)
            #expect(released.author == "nanbei.admin" && released.status == .open && released.settledConflicts.count == 1)

            let pulled = try await server.send(.get, "/v1/sync/pull?limit=1000", secret: held.second.secret)
            let page = try pulled.decoded(PullPage.self)
            let entry = try #require(page.items.compactMap(\.entry).first { $0.deviceId == CentralStore.serverDeviceId })
            #expect(entry.kind == .release && entry.seq == released.serverSeq && entry.author == "nanbei.admin")
            #expect(entry.payload["note"] == .string("复检合格，解除扣留"))

            let record = try #require(try server.admin { try $0.auditRecords(action: "hold.release") }.last)
            #expect(record.event.status == 200 && record.event.actor == "user:nanbei.admin" && record.event.outcome == .success)
            #expect(try await server.send(.get, "/v1/admin/holds?node=46010001", secret: token).decoded([HeldBatch].self).isEmpty)
        }
    }
}

extension JournalWriter {
    /// Tests the batch `receipt` created for 瘦肉精 (clenbuterol), passing or failing.
    @discardableResult
    mutating func inspect(_ receipt: JournalEntry, passed: Bool) throws -> JournalEntry {
        let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
        let inspection = try JSONValue.object([
            "batchCode": .string(body.batchCode!.digits), "item": .string("瘦肉精"), "method": .string("胶体金"),
            "passed": .bool(passed), "time": .integer(BusinessTime.now()),
        ]).decode(Inspection.self)
        return try append(.inspection(inspection))
    }

    /// Voids the event `entry` recorded.
    @discardableResult
    mutating func void(_ entry: JournalEntry) throws -> JournalEntry {
        let (target, body) = try EventBody.decode(kind: entry.kind, payload: entry.payload)
        let voiding = try JSONValue.object([
            "batchCode": .string(body.batchCode!.digits), "target": .string(target), "reason": .string("录错"),
            "time": .integer(BusinessTime.now()),
        ]).decode(Voiding.self)
        return try append(.voiding(voiding))
    }
}
