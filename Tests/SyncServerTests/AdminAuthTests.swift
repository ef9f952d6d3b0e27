import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AdminAuthTests {
    @Test func theAdminRoutesNeedASessionToken() async throws {
        try await withServer { server in
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/admin/conflicts"), (.get, "/v1/admin/conflicts/1"),
                                  (.post, "/v1/admin/conflicts/1/resolve"), (.get, "/v1/export/feed")] {
                let response = try await server.send(method, uri, body: #"{"action":"accept","note":"x"}"#)
                #expect(response.status == .unauthorized, "\(uri)")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let error = try response.apiError
                #expect(error.code == "unauthorized")
                #expect(error.message.zh.contains("/v1/auth/login"))
                #expect(error.message.en.contains("session token"))
            }
        }
    }

    @Test func aDeviceSecretIsNotASessionToken() async throws {
        try await withServer { server in
            _ = try server.adminToken()
            let device = try await server.enroll()
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: device.secret)
            #expect(response.status == .unauthorized)
            #expect(try response.apiError.code == "unauthorized")
        }
    }

    @Test func aSessionTokenIsNotADeviceSecret() async throws {
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

    @Test func aProvinceAdminsSessionListsTheQueue() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts", secret: token)
            #expect(response.status == .ok)
            #expect(try response.decoded([ConflictRecord].self).isEmpty)
        }
    }

    @Test func theBootstrapTokenIsMadeOnceAndOnlyWhenThereIsNoUser() async throws {
        try await withServer { server in
            let first = try server.admin { try $0.ensureBootstrapAdminToken() }
            let second = try server.admin { try $0.ensureBootstrapAdminToken() }
            #expect(first != nil && second == nil)
        }
        try await withServer { server in
            _ = try server.adminToken()
            let token = try server.admin { try $0.ensureBootstrapAdminToken() }
            #expect(token == nil)
        }
    }
}
