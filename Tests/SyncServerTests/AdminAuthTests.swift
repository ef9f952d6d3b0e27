import Hummingbird
import HummingbirdTesting
import SyncCore
@testable import SyncServer
import Testing

@Suite struct AdminAuthTests {
    @Test func theAdminRoutesNeedAToken() async throws {
        try await withServer { server in
            _ = try server.adminToken()
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/admin/conflicts"), (.get, "/v1/admin/conflicts/1"),
                                  (.post, "/v1/admin/conflicts/1/resolve")] {
                let response = try await server.send(method, uri, body: #"{"action":"accept","note":"x"}"#)
                #expect(response.status == .unauthorized, "\(uri)")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let error = try response.apiError
                #expect(error.code == "unauthorized")
                #expect(error.message.zh.contains("管理员令牌"))
                #expect(error.message.en.contains("admin token"))
            }
        }
    }

    @Test func aDeviceSecretIsNotAnAdminToken() async throws {
        try await withServer { server in
            _ = try server.adminToken()
            let device = try await server.enroll()
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: device.secret)
            #expect(response.status == .unauthorized)
            #expect(try response.apiError.code == "unauthorized")
        }
    }

    @Test func anAdminTokenIsNotADeviceSecret() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await server.enroll()
            let response = try await server.send(.get, "/v1/sync/pull", secret: token)
            #expect(response.status == .unauthorized)
            #expect(try response.apiError.code == "unauthorized")
        }
    }

    @Test(arguments: ["not-a-token", ""])
    func aWrongTokenIsUnauthorized(token: String) async throws {
        try await withServer { server in
            _ = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: token)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func theBootstrapTokenListsTheQueue() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: token)
            #expect(response.status == .ok)
            #expect(try response.decoded([ConflictRecord].self).isEmpty)
        }
    }

    @Test func theBootstrapTokenIsMadeOnce() async throws {
        try await withServer { server in
            _ = try server.adminToken()
            #expect(try server.admin { try $0.ensureBootstrapAdminToken() } == nil)
        }
    }
}
