import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AuthTests {
    @Test func aRequestWithoutASecretIsUnauthorized() async throws {
        try await withServer { server in
            let response = try await server.send(.post, "/v1/sync/push", body: #"{"entries": []}"#)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(try response.apiError.code == "unauthorized")
        }
    }

    @Test(arguments: ["not-a-secret", ""])
    func aWrongSecretIsUnauthorized(secret: String) async throws {
        try await withServer { server in
            _ = try await server.enroll()
            let response = try await server.send(.get, "/v1/sync/pull", secret: secret)
            #expect(response.status == .unauthorized)
            #expect(try response.apiError.code == "unauthorized")
        }
    }

    @Test func aRevokedDeviceIsToldItIsRevoked() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            try server.admin { try $0.revokeDevice(device.deviceId) }
            let response = try await server.send(.get, "/v1/sync/pull", secret: device.secret)
            #expect(response.status == .unauthorized)
            let error = try response.apiError
            #expect(error.code == "device_revoked")
            #expect(error.message.en.contains("revoked"))
            #expect(error.message.zh.contains("吊销"))
        }
    }

    @Test func theBearerSchemeIsReadInAnyCase() {
        #expect(DeviceAuthMiddleware.bearerSecret("bearer abc") == "abc")
        #expect(DeviceAuthMiddleware.bearerSecret("Bearer  abc ") == "abc")
        #expect(DeviceAuthMiddleware.bearerSecret("Basic abc") == nil)
        #expect(DeviceAuthMiddleware.bearerSecret("Bearer") == nil)
        #expect(DeviceAuthMiddleware.bearerSecret(nil) == nil)
    }
}
