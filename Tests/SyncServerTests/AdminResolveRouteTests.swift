import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AdminResolveRouteTests {
    /// `POST /v1/admin/conflicts/{id}/resolve` with `body`.
    func resolve(_ server: ServerHarness, _ id: Int64, _ body: String, token: String) async throws -> TestResponse {
        try await server.send(.post, "/v1/admin/conflicts/\(id)/resolve", body: body, secret: token)
    }

    @Test func choosingACandidateSyncsTheServerEntryAndTheResolutionToTheNode() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            let response = try await resolve(server, edit.conflict.id,
                                             #"{"action":"choose","candidate":0,"note":"以检疫证明为准"}"#, token: token)
            #expect(response.status == .ok)
            let resolved = try response.decoded(ConflictRecord.self)
            #expect(resolved.status == .resolved)
            let resolution = try #require(resolved.resolution)
            #expect(resolution.action == .choose)
            #expect(resolution.candidate == 0)
            #expect(resolution.author == "province")
            #expect(resolution.note == "以检疫证明为准")
            let serverSeq = try #require(resolution.serverSeq)

            let pulled = try await server.send(.get, "/v1/sync/pull?limit=1000", secret: edit.second.secret)
            #expect(pulled.status == .ok)
            let page = try pulled.decoded(PullPage.self)
            let serverEntry = try #require(page.items.first { $0.entry?.deviceId == CentralStore.serverDeviceId })
            #expect(serverEntry.kind == "entry")
            #expect(serverEntry.entry?.seq == serverSeq)
            #expect(serverEntry.entry?.author == "province")
            #expect(serverEntry.entry?.kind == .correction)
            #expect(serverEntry.entry?.payload["fields"]?["supplier"] == .string("澄迈县金江镇定点屠宰场"))
            let conflictItems = page.items.filter { $0.kind == "conflict" && $0.conflict?.id == edit.conflict.id }
            #expect(conflictItems.last?.conflict == resolved)
            #expect(conflictItems.last.map { $0.cursor > serverEntry.cursor } == true)
            #expect(conflictItems.last?.item == .conflict(resolved))
        }
    }

    @Test func settingAValueCorrectsTheField() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            let response = try await server.post("/v1/admin/conflicts/\(edit.conflict.id)/resolve",
                                                 ResolveRequest(action: .set, value: "屯昌县屠宰场", note: "电话核实"), secret: token)
            #expect(response.status == .ok)
            let resolution = try #require(try response.decoded(ConflictRecord.self).resolution)
            #expect(resolution.action == .set)
            #expect(resolution.value == "屯昌县屠宰场")
            #expect(resolution.serverSeq == 1)
        }
    }

    @Test func acceptingKeepsTheProvisionalOutcomeWithoutAServerEntry() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sold = try await server.oversold()
            let response = try await server.post("/v1/admin/conflicts/\(sold.conflict.id)/resolve",
                                                 ResolveRequest(action: .accept, note: "已补登进货"), secret: token)
            #expect(response.status == .ok)
            let resolved = try response.decoded(ConflictRecord.self)
            #expect(resolved.status == .resolved)
            #expect(resolved.resolution?.action == .accept)
            #expect(resolved.resolution?.serverSeq == nil)
        }
    }

    @Test func voidingAnEventOfTheConflictAppendsAServerVoiding() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sold = try await server.oversold()
            let sale = try #require(sold.conflict.candidates.last)
            let response = try await server.post("/v1/admin/conflicts/\(sold.conflict.id)/resolve",
                                                 ResolveRequest(action: .void, eventId: sale.eventId, note: "重复录入"), secret: token)
            #expect(response.status == .ok)
            let resolution = try #require(try response.decoded(ConflictRecord.self).resolution)
            #expect(resolution.action == .void)
            #expect(resolution.eventId == sale.eventId)
            #expect(resolution.serverSeq == 1)
        }
    }

    @Test func resolvingTwiceIsAConflict() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sold = try await server.oversold()
            let body = #"{"action":"accept","note":"核对无误"}"#
            #expect(try await resolve(server, sold.conflict.id, body, token: token).status == .ok)
            let again = try await resolve(server, sold.conflict.id, body, token: token)
            #expect(again.status == .conflict)
            #expect(try again.apiError.code == "conflict_resolved")
        }
    }

    @Test(arguments: [#"{"action":"accept"}"#, #"{"action":"accept","note":""}"#])
    func aResolutionWithoutANoteIsABadRequest(body: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sold = try await server.oversold()
            let response = try await resolve(server, sold.conflict.id, body, token: token)
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == "missing_field")
            #expect(error.field == "note")
            #expect(try server.admin { try $0.conflict(sold.conflict.id) }.status == .open)
        }
    }

    @Test(arguments: [
        #"{"action":"choose","candidate":0,"note":"x"}"#, #"{"action":"set","value":"90","note":"x"}"#,
        #"{"action":"void","note":"x"}"#,
    ])
    func anActionThatDoesNotFitTheConflictIsABadRequest(body: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sold = try await server.oversold()
            let response = try await resolve(server, sold.conflict.id, body, token: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.code == "bad_resolution")
        }
    }

    @Test(arguments: [
        (#"{"action":"accept","note":"x","reason":"y"}"#, "unknown_field", "reason"),
        (#"{"action":"pick","note":"x"}"#, "bad_json", "action"),
        (#"{"action":"choose","candidate":"first","note":"x"}"#, "bad_json", "candidate"),
    ])
    func aBodyOfTheWrongShapeIsABadRequest(body: String, code: String, field: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            let response = try await resolve(server, edit.conflict.id, body, token: token)
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == code)
            #expect(error.field == field)
        }
    }

    @Test func aCandidateOutOfRangeIsABadRequest() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            let response = try await resolve(server, edit.conflict.id, #"{"action":"choose","candidate":2,"note":"x"}"#, token: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.code == "bad_resolution")
        }
    }
}
