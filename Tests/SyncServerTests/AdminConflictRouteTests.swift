import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct AdminConflictRouteTests {
    @Test func theQueueIsFilteredByStatusKindAndNode() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            func list(_ query: String) async throws -> [ConflictRecord] {
                let response = try await server.send(.get, "/v1/admin/conflicts\(query)", secret: token)
                guard response.status == .ok else { throw ServerHarness.HarnessError.unexpected(response.status, response.text) }
                return try response.decoded([ConflictRecord].self)
            }
            let all = try await list("")
            #expect(all.map(\.id) == [edit.conflict.id])
            #expect(all.first?.candidates.count == 2)
            #expect(try await list("?status=open&kind=concurrent_edit&node=46010001").map(\.id) == [edit.conflict.id])
            #expect(try await list("?status=resolved").isEmpty)
            #expect(try await list("?kind=oversold").isEmpty)
            #expect(try await list("?node=46010002").isEmpty)
        }
    }

    @Test(arguments: [
        ("status=closed", "status", "open"), ("kind=clash", "kind", "concurrent_edit"), ("node=4601", "node", "8"),
        ("colour=red", "colour", "status"),
    ])
    func aBadFilterIsABadRequestNamingTheParameter(query: String, field: String, allowed: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts?\(query)", secret: token)
            #expect(response.status == .badRequest)
            let error = try response.apiError
            #expect(error.code == (field == "colour" ? "unknown_field" : "bad_parameter"))
            #expect(error.field == field)
            #expect(error.message.en.contains(allowed))
            #expect(error.message.zh.contains(allowed))
        }
    }

    @Test func aConflictIsShownWithEveryCandidate() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let edit = try await server.concurrentEdit()
            let response = try await server.send(.get, "/v1/admin/conflicts/\(edit.conflict.id)", secret: token)
            #expect(response.status == .ok)
            let shown = try response.decoded(ConflictRecord.self)
            #expect(shown.kind == .concurrentEdit)
            #expect(shown.field == "supplier")
            #expect(shown.candidates.map(\.deviceId) == [edit.first.deviceId, edit.second.deviceId])
            #expect(shown.candidates.map(\.value) == ["澄迈县金江镇定点屠宰场", "定安县定城屠宰场"])
            #expect(shown.resolution == nil)
        }
    }

    @Test func anUnknownConflictIsA404() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts/999", secret: token)
            #expect(response.status == .notFound)
            #expect(try response.apiError.code == "unknown_conflict")
            let resolve = try await server.post("/v1/admin/conflicts/999/resolve",
                                                ResolveRequest(action: .accept, note: "核对无误"), secret: token)
            #expect(resolve.status == .notFound)
            #expect(try resolve.apiError.code == "unknown_conflict")
        }
    }

    @Test(arguments: ["abc", "0", "-3"])
    func aConflictIdThatIsNotAPositiveIntegerIsABadRequest(id: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/conflicts/\(id)", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == "id")
        }
    }
}
