import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// A push that is replayed (its answer lost) changes nothing and gets the same verdicts.
@Suite(.serialized)
struct PushReplayTests {
    @Test
    func aPushReplayedThreeTimesChangesNothingAndReturnsTheSameVerdicts() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            _ = try await a.recordEvents(12)
            let entries = try FieldStore.open(path: a.device.databasePath).journalEntries()
            let body = try JSONEncoder().encode(PushRequest(entries: entries))
            let headers = ["Authorization": "Bearer \(try a.secret())", "Content-Type": "application/json"]

            var answers: [PushResponse] = []
            var counts: [Int64] = []
            for _ in 0..<4 {
                let answer = try await HTTP.send("POST", server.url + "/v1/sync/push", body: body, headers: headers)
                #expect(answer.status == 200, "\(answer.body)")
                answers.append(try JSONDecoder().decode(PushResponse.self, from: Data(answer.body.utf8)))
                counts.append(try Database(path: server.databasePath).scalar("SELECT count(*) FROM entries") ?? -1)
            }
            #expect(answers.allSatisfy { $0 == answers[0] })
            #expect(answers[0].ackedSeq == Int64(entries.count))
            #expect(answers[0].verdicts.count == entries.count)
            #expect(Set(counts).count == 1)
            #expect(counts[0] == Int64(entries.count))
            let events = try Database(path: server.databasePath).scalar("SELECT count(*) FROM events")
            #expect(events == Int64(entries.count))
        }
    }

    @Test
    func theSameSeqWithAnotherHashIsRefusedAndRecordedForAdmins() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            _ = try await a.recordEvents(2)
            try await a.sync()
            let original = try #require(try FieldStore.open(path: a.device.databasePath).journalEntries().first)
            let forged = JournalEntry(
                deviceId: original.deviceId, seq: original.seq, hlc: original.hlc, wallTime: original.wallTime,
                author: "someone else", kind: original.kind, payload: original.payload, prev: original.prev
            )
            let answer = try await HTTP.send(
                "POST", server.url + "/v1/sync/push", body: try JSONEncoder().encode(PushRequest(entries: [forged])),
                headers: ["Authorization": "Bearer \(try a.secret())", "Content-Type": "application/json"]
            )
            #expect(answer.status == 409)
            #expect(answer.body.contains("integrity_violation"))
            let recorded = try Database(path: server.databasePath).scalar("SELECT count(*) FROM integrity_violations")
            #expect(recorded == 1)
        }
    }
}
