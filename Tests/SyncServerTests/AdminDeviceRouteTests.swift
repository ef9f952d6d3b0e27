import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/admin/devices` and `POST /v1/admin/devices/{id}/revoke`: who may list and revoke, and that a revoked
/// device is refused at once while the data it synced stays.
@Suite struct AdminDeviceRouteTests {
    /// Enrolls one more device at `node` with a fresh code.
    private func enrollAnother(_ server: ServerHarness, node: String = "46010001") async throws -> EnrollResponse {
        let code = try server.admin { try $0.issueEnrollCode(node: node, expiresAt: BusinessTime.now() + 3_600_000) }
        let response = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "二号机"))
        return try response.decoded(EnrollResponse.self)
    }

    private func revocations(_ server: ServerHarness) throws -> [AuditEvent] {
        try server.admin { try $0.auditRecords(action: "device.revoke") }.map(\.event)
    }

    @Test func aRevokedDeviceIsRefusedAtItsNextRequestAndItsDataStays() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            let revoked = try await server.enroll()
            let colleague = try await enrollAnother(server)
            var journal = JournalWriter(device: revoked)
            try journal.registerOperator(id: "OP-46010001-T01")
            let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-T01")
            #expect(try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: revoked.secret).status == .ok)

            let answer = try await server.send(.post, "/v1/admin/devices/\(revoked.deviceId)/revoke", secret: token)
            #expect(answer.status == .ok)
            #expect(try answer.decoded(CentralStore.DeviceRecord.self).revoked)

            let refused = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=100", secret: revoked.secret)
            #expect(refused.status == .unauthorized)
            #expect(try refused.apiError.code == "device_revoked")

            let pulled = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=1000", secret: colleague.secret)
            #expect(try pulled.decoded(PullPage.self).items.compactMap(\.entry).map(\.hash) == journal.entries.map(\.hash))
            guard case .string(let code)? = receipt.payload["batchCode"] else { throw CodeMissing() }
            #expect(try await server.send(.get, "/v1/trace/\(code)").status == .ok)

            let recorded = try revocations(server)
            #expect(recorded.map(\.actor) == ["user:li"])
            #expect(recorded.map(\.target) == [revoked.deviceId])
            #expect(recorded.map(\.outcome) == [.success])
        }
    }

    @Test func aNodeAdminListsAndRevokesOnlyTheirNodesDevices() async throws {
        try await withServer { server in
            let own = try await server.enroll(node: "46010001")
            let other = try await server.enroll(node: "46010002")
            let token = try server.loggedIn("wang", .node, nodes: ["46010001"])

            let listed = try await server.send(.get, "/v1/admin/devices", secret: token)
            #expect(try listed.decoded([CentralStore.DeviceRecord].self).map(\.id) == [own.deviceId])
            #expect(try await server.send(.get, "/v1/admin/devices?node=46010002", secret: token).status == .forbidden)

            let refused = try await server.send(.post, "/v1/admin/devices/\(other.deviceId)/revoke", secret: token)
            #expect(refused.status == .forbidden)
            #expect(try server.admin { try $0.device(other.deviceId) }.revoked == false)
            #expect(try await server.send(.post, "/v1/admin/devices/\(own.deviceId)/revoke", secret: token).status == .ok)

            let recorded = try revocations(server)
            #expect(recorded.map(\.outcome) == [.refused, .success])
            #expect(recorded.map(\.target) == [other.deviceId, own.deviceId])
        }
    }

    @Test func anAuditorListsDevicesButMayNotRevoke() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            let token = try server.loggedIn("zhao", .auditor)
            #expect(try await server.send(.get, "/v1/admin/devices", secret: token).status == .ok)
            let refused = try await server.send(.post, "/v1/admin/devices/\(device.deviceId)/revoke", secret: token)
            #expect(refused.status == .forbidden)
            #expect(try server.admin { try $0.device(device.deviceId) }.revoked == false)
        }
    }

    @Test func revokingAnUnknownDeviceIsNotFound() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            let response = try await server.send(.post, "/v1/admin/devices/no-such-device/revoke", secret: token)
            #expect(response.status == .notFound)
            #expect(try response.apiError.code == "unknown_device")
        }
    }
}

private struct CodeMissing: Error {}

/// The members of a listed audit record this test reads.
private struct ListedRecord: Decodable {
    let target: String?
    let status: Int?
}

/// `GET /v1/admin/audit`: province admins and auditors read the log; node admins may not.
@Suite struct AdminAuditRouteTests {
    @Test(arguments: [(AdminRole.province, true), (.auditor, true), (.node, false)])
    func onlyProvinceAdminsAndAuditorsReadTheAuditLog(role: AdminRole, allowed: Bool) async throws {
        try await withServer { server in
            let token = try server.loggedIn("reader", role, nodes: role == .node ? ["46010001"] : [])
            let response = try await server.send(.get, "/v1/admin/audit?action=auth", secret: token)
            #expect(response.status == (allowed ? .ok : .forbidden))
            let last = try #require(try server.admin { try $0.auditRecords() }.last)
            #expect(last.event.target == "GET /v1/admin/audit")
            #expect(last.event.outcome == (allowed ? .success : .refused))
        }
    }

    @Test func theLogIsFilteredByActorAndAction() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            _ = try await server.send(.get, "/v1/sync/pull", secret: "wrong")
            let response = try await server.send(.get, "/v1/admin/audit?action=request.refused&actor=anonymous", secret: token)
            let records = try response.decoded([ListedRecord].self)
            #expect(records.count == 1)
            #expect(records.first?.target == "GET /v1/sync/pull")
            #expect(records.first?.status == 401)
        }
    }

    @Test func anUnknownFilterIsRefused() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            let response = try await server.send(.get, "/v1/admin/audit?who=li", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == "who")
        }
    }
}
