import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct RequestShapeTests {
    @Test func malformedJSONIsABadRequestThatSaysSo() async throws {
        try await withServer { server in
            let response = try await server.send(.post, "/v1/devices/enroll", body: #"{"code": "AAAA"#)
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == "bad_json")
            #expect(error.message.zh.contains("不是有效的 JSON"))
            #expect(error.message.en.contains("not valid JSON"))
        }
    }

    @Test func aBodyDeclaredAsOtherThanJSONIsAnUnsupportedMediaTypeThatSaysSo() async throws {
        try await withServer { server in
            let response = try await server.client.execute(
                uri: "/v1/devices/enroll", method: .post, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ByteBuffer(string: #"{"code": "AAAA-BBBB-CCCC", "deviceName": "x"}"#)
            )
            #expect(response.status == .unsupportedMediaType)
            let error = try response.apiError
            #expect(error.code == "unsupported_media_type")
            #expect(error.field == "Content-Type")
            #expect(error.message.en.contains("Content-Type: application/json"))
        }
    }

    @Test func anUnknownTopLevelFieldIsRefusedByName() async throws {
        try await withServer { server in
            let response = try await server.send(
                .post, "/v1/devices/enroll", body: #"{"code": "AAAA-BBBB-CCCC", "deviceName": "x", "devicename": "y"}"#
            )
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == "unknown_field")
            #expect(error.field == "devicename")
            #expect(error.message.en.contains("devicename"))
        }
    }

    @Test func anUnknownEntryFieldIsRefusedWithItsPath() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            guard case .object(var entry) = try JSONValue(encoding: journal.entries[0]) else { return }
            entry["signature"] = .string("x")
            let body = JSONValue.object(["entries": .array([.object(entry)])]).canonicalString
            let response = try await server.send(.post, "/v1/sync/push", body: body, secret: device.secret)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.code == "unknown_field")
            #expect(try response.apiError.field == "entries[0].signature")
        }
    }

    @Test func aWrongTypeNamesTheField() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            try journal.registerOperator(id: "OP-46010001-T02")
            guard case .object(var entry) = try JSONValue(encoding: journal.entries[1]) else { return }
            entry["seq"] = .string("two")
            let entries = JSONValue.array([try JSONValue(encoding: journal.entries[0]), .object(entry)])
            let response = try await server.send(
                .post, "/v1/sync/push", body: JSONValue.object(["entries": entries]).canonicalString, secret: device.secret
            )
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == "bad_json")
            #expect(error.field == "entries[1].seq")
            #expect(error.message.zh.contains("entries[1].seq"))
        }
    }

    @Test func aMissingFieldIsNamed() async throws {
        try await withServer { server in
            let response = try await server.send(.post, "/v1/devices/enroll", body: #"{"code": "AAAA-BBBB-CCCC"}"#)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.code == "missing_field")
            #expect(try response.apiError.field == "deviceName")
        }
    }

    @Test func anOversizedBodyIsTooLarge() async throws {
        try await withServer(maxBodyBytes: 1_024) { server in
            let body = #"{"code": "AAAA-BBBB-CCCC", "deviceName": ""# + String(repeating: "x", count: 2_000) + #""}"#
            let response = try await server.send(.post, "/v1/devices/enroll", body: body)
            #expect(response.status == .contentTooLarge)
            let error = try response.apiError
            #expect(error.code == "payload_too_large")
            #expect(error.message.en.contains("1024"))
        }
    }

    @Test func tooManyEntriesAreTooLarge() async throws {
        try await withServer(maxEntries: 2) { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            for index in 1...3 { try journal.registerOperator(id: "OP-46010001-T0\(index)") }
            let response = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)
            #expect(response.status == .contentTooLarge)
            #expect(try response.apiError.code == "too_many_entries")
            let acked = try server.admin { try $0.device(device.deviceId).ackedSeq }
            #expect(acked == 0)
        }
    }
}
