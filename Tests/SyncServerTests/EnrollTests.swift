import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct EnrollTests {
    @Test func aCodeEnrollsOneDeviceAtItsNode() async throws {
        try await withServer { server in
            let enrolled = try await server.enroll(node: "46010002")
            #expect(enrolled.node.code == "46010002")
            #expect(enrolled.deviceNumber == 1)
            #expect(enrolled.secret.count == 64)
            let devices = try server.admin { try $0.devices(node: "46010002") }
            #expect(devices.map(\.id) == [enrolled.deviceId])
        }
    }

    @Test func aCodeWorksOnlyOnce() async throws {
        try await withServer { server in
            _ = try await server.enroll()
            let again = try await server.post("/v1/devices/enroll", EnrollRequest(code: server.codes["46010001"]!, deviceName: "二号机"))
            #expect(again.status == .conflict)
            #expect(try again.apiError.code == "enroll_code_used")
        }
    }

    @Test func anExpiredCodeIsGone() async throws {
        try await withServer { server in
            let code = try server.admin { try $0.issueEnrollCode(node: "46010001", expiresAt: BusinessTime.now() - 1) }
            let response = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "测试机"))
            #expect(response.status == .gone)
            #expect(try response.apiError.code == "enroll_code_expired")
        }
    }

    @Test func anUnknownCodeIsABadRequest() async throws {
        try await withServer { server in
            let response = try await server.post("/v1/devices/enroll", EnrollRequest(code: "AAAA-BBBB-CCCC", deviceName: "测试机"))
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == "enroll_code_invalid")
            #expect(error.message.zh.contains("注册码无效"))
        }
    }

    @Test func aTakenDeviceNumberIsAConflict() async throws {
        try await withServer { server in
            let first = try await server.enroll()
            let code = try server.admin { try $0.issueEnrollCode(node: "46010001", expiresAt: BusinessTime.now() + 60_000) }
            let response = try await server.post("/v1/devices/enroll", EnrollRequest(
                code: code, deviceName: "离线机", deviceId: "offline-device", deviceNumber: first.deviceNumber
            ))
            #expect(response.status == .conflict)
            #expect(try response.apiError.code == "device_number_taken")
        }
    }
}
