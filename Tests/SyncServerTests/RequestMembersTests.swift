import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The strict body check takes its allowed members from the request types themselves: every member a type can
/// encode passes, and openapi.json documents exactly those members.
@Suite struct RequestMembersTests {
    /// Each request body of openapi.json, by schema name, as its type encodes it with every optional member set.
    static let fullySetBodies: [String: any Codable & Sendable] = [
        "EnrollRequest": EnrollRequest(code: "AAAA-BBBB-CCCC", deviceName: "一号机", deviceId: "d", node: "46010001", deviceNumber: 12),
        "PushRequest": PushRequest(entries: [JournalEntry(
            deviceId: "d", seq: 1, hlc: HLCTimestamp(wallMillis: 1, counter: 0, deviceId: "d"), wallTime: 1,
            author: "李明", kind: .receipt, payload: .object([:]), prev: JournalEntry.genesis
        )]),
        "LoginRequest": LoginRequest(name: "admin", password: "p"),
        "PasswordChangeRequest": PasswordChangeRequest(name: "admin", oldPassword: "o", bootstrapToken: "t", newPassword: "n"),
        "NewAdminUser": NewAdminUserRequest(name: "li", role: "node", nodes: ["46010001"], password: "p"),
        "ResolveRequest": ResolveRequest(action: .choose, candidate: 0, value: "v", eventId: "e", note: "复核"),
        "ReleaseRequest": ReleaseRequest(note: "复检合格"),
        "ComplaintAnswer": ComplaintAnswer(status: .answered, reply: "已退款", upheld: true),
        "FindingFollowUp": FindingFollowUp(status: .openedAsConflict, note: "转超卖冲突", conflictId: 3),
        "CreditSettings": CreditSettings(publicGrade: true),
    ]

    @Test(arguments: fullySetBodies.keys.sorted())
    func everyMemberATypeEncodesPassesTheStrictCheck(_ schema: String) throws {
        let sample = try #require(Self.fullySetBodies[schema])
        let body = try JSONValue(encoding: sample)
        let bodyType = type(of: sample)
        #expect(throws: Never.self) { try body.decodeRefusingUnknownMembers(bodyType) }
    }

    @Test func aMemberNoTypeAsksForIsNamedWithItsPath() throws {
        let sample = try JSONValue(encoding: Self.fullySetBodies["PushRequest"]! as! PushRequest)
        guard case .object(var top) = sample, case .array(var entries)? = top["entries"],
              case .object(var entry) = entries[0] else { Issue.record("push request is not an object"); return }
        entry["signature"] = .string("x")
        entries[0] = .object(entry)
        top["entries"] = .array(entries)
        #expect(throws: UnknownMemberError(path: "entries[0].signature")) {
            try JSONValue.object(top).decodeRefusingUnknownMembers(PushRequest.self)
        }
        #expect(throws: UnknownMemberError(path: "Node")) {
            try JSONValue.object(["code": .string("c"), "deviceName": .string("n"), "Node": .string("x")])
                .decodeRefusingUnknownMembers(EnrollRequest.self)
        }
    }

    @Test func openAPIDocumentsEveryRequestBodyWithTheMembersItsTypeEncodes() async throws {
        try await withServer { server in
            let response = try await server.send(.get, "/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            let requestSchemas = Set(paths.values.flatMap(\.values).compactMap { operation -> String? in
                let body = operation["requestBody"] as? [String: Any]
                let json = (body?["content"] as? [String: Any])?["application/json"] as? [String: Any]
                return ((json?["schema"] as? [String: Any])?["$ref"] as? String)?.components(separatedBy: "/").last
            })
            #expect(requestSchemas == Set(Self.fullySetBodies.keys), "a request body without a sample here")
            for (name, sample) in Self.fullySetBodies {
                guard case .object(let members) = try JSONValue(encoding: sample) else { continue }
                let documented = try #require(schemas[name]?["properties"] as? [String: Any], "\(name) has no properties")
                #expect(Set(documented.keys) == Set(members.keys), "\(name): openapi.json and the type differ")
            }
            let entry = try #require(schemas["JournalEntry"]?["properties"] as? [String: Any])
            guard case .object(let request) = try JSONValue(encoding: Self.fullySetBodies["PushRequest"]! as! PushRequest),
                  case .array(let entries)? = request["entries"], case .object(let entryMembers) = entries[0]
            else { Issue.record("push request is not an object"); return }
            #expect(Set(entry.keys) == Set(entryMembers.keys))
        }
    }

    @Test func aDeviceInitialisedOfflineEnrollsWithItsIdNodeAndNumber() async throws {
        try await withServer { server in
            let request = EnrollRequest(
                code: server.codes["46010001"]!, deviceName: "离线一号机", deviceId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
                node: "46010001", deviceNumber: 12
            )
            let response = try await server.post("/v1/devices/enroll", request)
            #expect(response.status == .created, "\(response.text)")
            let enrolled = try JSONDecoder().decode(EnrollResponse.self, from: Data(response.text.utf8))
            #expect(enrolled.deviceId == request.deviceId)
            #expect(enrolled.deviceNumber == 12)
        }
    }
}
