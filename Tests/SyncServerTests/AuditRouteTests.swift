import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AuditRecordingTests {
    private func records(_ server: ServerHarness, action: String? = nil) throws -> [AuditRecord] {
        try server.admin { try $0.auditRecords(action: action) }
    }

    @Test func anEnrollmentIsRecordedWithTheDeviceRoute() async throws {
        try await withServer { server in
            _ = try await server.enroll()
            let record = try #require(try records(server, action: "device.enroll").first)
            #expect(record.event.outcome == .success)
            #expect(record.event.status == 201)
            #expect(record.event.target == "POST /v1/devices/enroll")
        }
    }

    @Test func aRefusedRequestOnAnyRouteIsRecordedWithoutItsSecret() async throws {
        try await withServer { server in
            let response = try await server.send(.get, "/v1/sync/pull", secret: "not-a-secret-4711")
            #expect(response.status == .unauthorized)
            let record = try #require(try records(server, action: "request.refused").last)
            #expect(record.event.actor == "anonymous")
            #expect(record.event.outcome == .refused)
            #expect(record.event.status == 401)
            #expect(record.event.target == "GET /v1/sync/pull")
            let everything = try records(server).map { "\($0.event)" }.joined()
            #expect(!everything.contains("not-a-secret-4711"))
        }
    }

    @Test func aRevokedDevicesNextRequestIsRefusedAndRecordedUnderItsName() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            try server.admin { try $0.revokeDevice(device.deviceId) }
            let response = try await server.send(.get, "/v1/sync/pull", secret: device.secret)
            #expect(response.status == .unauthorized)
            #expect(try response.apiError.code == "device_revoked")
            let record = try #require(try records(server, action: "request.refused").last)
            #expect(record.event.actor == "device:\(device.deviceId)")
            #expect(record.event.detail == "device_revoked")
        }
    }

    @Test func everyAdminRequestIsRecordedWhateverItsOutcome() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            #expect(try await server.send(.get, "/v1/admin/conflicts", secret: token).status == .ok)
            #expect(try await server.send(.get, "/v1/admin/conflicts/999", secret: token).status == .notFound)
            #expect(try await server.send(.get, "/v1/admin/conflicts").status == .unauthorized)
            let admin = try records(server).filter { $0.event.target?.contains("/v1/admin/") == true }
            #expect(admin.map(\.event.status) == [200, 404, 401])
            #expect(admin.map(\.event.outcome) == [.success, .failure, .refused])
            #expect(admin.map(\.event.actor) == ["user:li", "user:li", "anonymous"])
            #expect(admin.first?.event.target == "GET /v1/admin/conflicts")
            #expect(try server.admin { try $0.verifyAuditChain() } == nil)
        }
    }

    @Test func anUnauditedRouteLeavesNoRecord() async throws {
        try await withServer { server in
            let before = try records(server).count
            #expect(try await server.send(.get, "/healthz").status == .ok)
            #expect(try records(server).count == before)
        }
    }
}
