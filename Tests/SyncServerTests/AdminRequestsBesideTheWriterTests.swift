import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// An admin's read answers while the writer is held (as by a long push): its session is checked on a reader, its
/// use is recorded by the writer at most once a minute, and its audit record follows once the writer is free, in
/// order, without being lost.
@Suite struct AdminRequestsBesideTheWriterTests {
    // A deadlock would hang here; five minutes, as for the other live-server tests under the whole suite's load.
    @Test(.timeLimit(.minutes(5)))
    func anAdminReadAnswersWhileTheWriterIsHeldAndItsAuditRecordFollows() async throws {
        try await ReadersBesideTheWriterTests.withLiveServer { server, service in
            let token = try server.adminToken()
            let writer = await service.heldWriter()
            let devices = try await server.send(.get, "/v1/admin/devices", secret: token)
            #expect(devices.status == .ok)
            let users = try await server.send(.get, "/v1/admin/users", secret: token)
            #expect(users.status == .ok)
            let ended = try await server.send(.get, "/v1/admin/devices", secret: "no-such-session")
            #expect(ended.status == .unauthorized)
            let pending = try server.admin { try $0.auditRecords(actor: "user:province") }.filter(\.isRead)
            #expect(pending.isEmpty, "the writer is still held, so the records wait for it")

            await writer.release()
            let records = try await service.auditRecords(since: nil, until: nil, actor: "user:province", action: nil)
                .filter(\.isRead)
            #expect(records.map(\.event.target) == ["GET /v1/admin/devices", "GET /v1/admin/users"],
                    "each request's record, in the order they answered")
            let chain = try await service.read { try $0.verifyAuditChain(against: []) }
            #expect(chain == nil, "the records written after the fact keep the chain intact")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func theComplaintFindingAndEquipmentQueuesAnswerWhileTheWriterIsHeld() async throws {
        try await ReadersBesideTheWriterTests.withLiveServer { server, service in
            let token = try server.adminToken()
            let writer = await service.heldWriter()
            for path in ["/v1/admin/complaints", "/v1/admin/findings?node=46010001", "/v1/admin/equipment?overdue=true"] {
                let answer = try await server.send(.get, path, secret: token)
                #expect(answer.status == .ok, "\(path) answers beside the held writer")
            }
            let unknownNode = try await server.send(.get, "/v1/admin/findings?node=46999999", secret: token)
            #expect(unknownNode.status == .badRequest, "the reader still refuses an unknown node")
            #expect(try await service.integrityCheck(quick: true) == "ok")
            #expect(try await service.openComplaintCounts().isEmpty)
            #expect(try await service.openFindingCounts().isEmpty)
            await writer.release()
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func aSessionsUseIsWrittenAtMostOnceAMinute() async throws {
        try await ReadersBesideTheWriterTests.withLiveServer { server, service in
            let token = try server.adminToken()
            let stored = { try server.admin { try #require(try $0.storedAdminSession(token: token)).lastUsedAt } }
            let atLogin = try stored()
            for _ in 0..<3 {
                #expect(try await server.send(.get, "/v1/admin/devices", secret: token).status == .ok)
            }
            #expect(try stored() == atLogin, "uses within a minute of the last recorded one are kept in memory")
            let hash = try #require(try server.admin { try $0.storedAdminSession(token: token) }).tokenHash
            #expect(try #require(service.sessionTouches.lastUse(of: hash)) > atLogin - 1)
        }
    }
}

/// The rule of a session's standing and the memory of its uses, on their own.
@Suite struct AdminSessionTouchTests {
    static let principal = AdminPrincipal(name: "li", role: .province, nodes: [])

    static func session(createdAt: Int64 = 0, lastUsedAt: Int64 = 0, ended: Bool = false) -> StoredAdminSession {
        StoredAdminSession(tokenHash: "h", principal: principal, createdAt: createdAt, lastUsedAt: lastUsedAt, ended: ended)
    }

    @Test func theIdleLimitCountsFromTheLaterOfTheStoredAndTheRememberedUse() {
        let idle = AdminSessionPolicy.idleTimeout
        let session = Self.session()
        #expect(session.standing(now: idle) == .live)
        #expect(session.standing(now: idle + 1) == .idle)
        #expect(session.standing(now: idle + 1, lastUse: 50_000) == .live, "a use held only in memory keeps it live")
        #expect(session.standing(now: idle + 50_001, lastUse: 50_000) == .idle)
        #expect(session.standing(now: idle + 1, lastUse: -5) == .idle, "an older remembered use changes nothing")
    }

    @Test func theLifetimeAndAnEndedSessionRefuseWhateverTheUse() {
        let lifetime = AdminSessionPolicy.lifetime
        #expect(Self.session().standing(now: lifetime + 1, lastUse: lifetime) == .pastLifetime)
        #expect(Self.session().standing(now: lifetime, lastUse: lifetime) == .live)
        #expect(Self.session(ended: true).standing(now: 1, lastUse: 1) == .ended)
        #expect(StoredAdminSession.refusal(.idle)?.code == .sessionExpired)
        #expect(StoredAdminSession.refusal(.live) == nil)
    }

    @Test func aUseIsWaitingForTheWriterOnlyAMinuteAfterTheLastRecordedOne() {
        let touches = AdminSessionTouches()
        let minute = AdminSessionPolicy.touchInterval
        #expect(!touches.touch("a", at: minute - 1, stored: 0))
        #expect(touches.lastUse(of: "a") == minute - 1)
        #expect(touches.drain(now: minute).isEmpty)
        #expect(touches.touch("a", at: minute, stored: 0), "a minute after the stored use: the writer records it")
        #expect(!touches.touch("b", at: minute, stored: 0), "the record waiting takes later uses along")
        #expect(!touches.touch("a", at: minute + 10, stored: 0), "recorded a moment ago: kept in memory")
        #expect(touches.drain(now: minute + 10) == ["a": minute, "b": minute])
        #expect(touches.lastUse(of: "a") == minute + 10)
        touches.forget("a")
        #expect(touches.lastUse(of: "a") == nil)
        _ = touches.drain(now: minute + AdminSessionPolicy.lifetime + 11)
        #expect(touches.lastUse(of: "b") == nil, "a session unused for longer than one lives is forgotten")
    }
}

extension AuditRecord {
    /// Whether this is the record of a GET request.
    var isRead: Bool { event.target?.hasPrefix("GET ") == true }
}
