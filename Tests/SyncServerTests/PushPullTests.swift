import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct PushPullTests {
    @Test func pushedEntriesAreAppliedAndPulledBack() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            try journal.receive(serial: 1, operatorId: "OP-46010001-T01")

            let pushed = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)
            #expect(pushed.status == .ok)
            let answer = try pushed.decoded(PushResponse.self)
            #expect(answer.ackedSeq == 2)
            #expect(answer.verdicts.map(\.verdict) == [.applied, .applied], "\(answer.verdicts)")

            let pulled = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=1000&node=46010001", secret: device.secret)
            #expect(pulled.status == .ok)
            let page = try pulled.decoded(PullPage.self)
            #expect(!page.more)
            let entries = page.items.compactMap(\.entry)
            #expect(entries == journal.entries)
            #expect(page.items.compactMap(\.verdict).map(\.verdict) == [.applied, .applied])
            #expect(page.items.contains { $0.operator?.id == "OP-46010001-001" })
        }
    }

    @Test func replayedPushIsANoOp() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            let first = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)
            let again = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)
            #expect(again.status == .ok)
            #expect(try again.decoded(PushResponse.self) == first.decoded(PushResponse.self))
        }
    }

    @Test func theSameSeqWithAnotherHashIsAnIntegrityViolation() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            _ = try await server.post("/v1/sync/push", PushRequest(entries: journal.entries), secret: device.secret)

            var altered = JournalWriter(device: device)
            try altered.registerOperator(id: "OP-46010001-T99")
            let response = try await server.post("/v1/sync/push", PushRequest(entries: altered.entries), secret: device.secret)
            #expect(response.status == .conflict)
            #expect(try response.apiError.code == "integrity_violation")
        }
    }

    @Test func aGapInTheSeqsIsAConflict() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            try journal.registerOperator(id: "OP-46010001-T01")
            try journal.registerOperator(id: "OP-46010001-T02")
            let response = try await server.post("/v1/sync/push", PushRequest(entries: [journal.entries[1]]), secret: device.secret)
            #expect(response.status == .conflict)
            #expect(try response.apiError.code == "seq_gap")
        }
    }

    @Test func everyAnswerSaysWhatTheServerHoldsAnEmptyPushAndASeqGapToo() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            var journal = JournalWriter(device: device)
            for serial in 1...3 { try journal.registerOperator(id: "OP-46010001-T0\(serial)") }
            let pushed = try await server.post("/v1/sync/push", PushRequest(entries: [journal.entries[0]]), secret: device.secret)
            let answer = try pushed.decoded(PushResponse.self)
            let generation = try #require(answer.generation)

            let empty = try await server.post("/v1/sync/push", PushRequest(entries: []), secret: device.secret)
            #expect(empty.status == .ok)
            #expect(try empty.decoded(PushResponse.self) == PushResponse(ackedSeq: 1, verdicts: [], generation: generation))

            let gap = try await server.post("/v1/sync/push", PushRequest(entries: [journal.entries[2]]), secret: device.secret)
            #expect(gap.status == .conflict)
            #expect(try gap.apiError.code == "seq_gap")
            #expect(try gap.apiError.ackedSeq == 1, "the refusal names the seq to send again after")

            let pulled = try await server.send(.get, "/v1/sync/pull?cursor=0&limit=5", secret: device.secret)
            #expect(try pulled.decoded(PullPage.self).generation == generation)
        }
    }

    @Test func pullingAnotherNodeIsForbidden() async throws {
        try await withServer { server in
            let device = try await server.enroll(node: "46010001")
            let response = try await server.send(.get, "/v1/sync/pull?node=46010002", secret: device.secret)
            #expect(response.status == .forbidden)
            let error = try response.apiError
            #expect(error.code == "forbidden_scope")
            #expect(error.field == "node")
        }
    }

    @Test(arguments: ["cursor=-1", "limit=0", "limit=1001", "cursor=abc", "curser=3"])
    func aBadPullQueryIsABadRequest(query: String) async throws {
        try await withServer { server in
            let device = try await server.enroll()
            let response = try await server.send(.get, "/v1/sync/pull?\(query)", secret: device.secret)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == String(query.prefix { $0 != "=" }))
        }
    }

    @Test func aStoreFailureIsA500ThatTellsNothingOfTheInternals() async throws {
        try await withServer { server in
            let device = try await server.enroll()
            try server.admin { try $0.database.execute("DROP TABLE server_log") }
            let response = try await server.send(.get, "/v1/sync/pull", secret: device.secret)
            #expect(response.status == .internalServerError)
            #expect(try response.apiError.code == "internal_error")
            #expect(!response.text.contains("server_log"))
            #expect(!response.text.lowercased().contains("sqlite"))
        }
    }
}
