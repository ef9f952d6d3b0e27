import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The per-client token bucket on `/v1/trace/…` and `/t/…`.
@Suite struct PublicRateLimitTests {
    @Test func pastTheLimitALookupIsA429WithRetryAfter() async throws {
        try await withServer(publicRateLimit: 2, publicRateLimitClock: { 0 }) { server in
            let code = TraceCode.make(node: "46010001", deviceNumber: 9, date: "261124", serial: 1).digits
            #expect(try await server.send(.get, "/v1/trace/\(code)").status == .notFound)
            #expect(try await server.send(.get, "/t/\(code)").status == .notFound)
            let json = try await server.send(.get, "/v1/trace/\(code)")
            #expect(json.status == .tooManyRequests)
            #expect(try json.apiError.code == "rate_limited")
            let retryAfter = try #require(json.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))
            let page = try await server.send(.get, "/t/\(code)")
            #expect(page.status == .tooManyRequests)
            #expect(page.headers[.retryAfter] != nil)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("查询过于频繁"))
        }
    }

    @Test func otherRoutesAreNotLimited() async throws {
        try await withServer(publicRateLimit: 1) { server in
            for _ in 0..<3 {
                let response = try await server.send(.get, "/healthz")
                #expect(response.status == .ok)
            }
        }
    }
}

/// The buckets themselves, with the time passed in.
@Suite struct TokenBucketsTests {
    @Test func aClientGetsItsBurstThenWaitsForARefill() {
        var buckets = TokenBuckets(capacity: 3, refillSeconds: 60)
        for _ in 0..<3 { #expect(buckets.take("a", at: 0) == .allowed) }
        #expect(buckets.take("a", at: 0) == .refused(retryAfter: 20))
        #expect(buckets.take("a", at: 10) == .refused(retryAfter: 10))
        #expect(buckets.take("a", at: 20) == .allowed)
        #expect(buckets.take("b", at: 20) == .allowed, "each client has its own bucket")
    }

    @Test func memoryStaysBoundedByForgettingIdleClients() {
        var buckets = TokenBuckets(capacity: 2, refillSeconds: 60, maxClients: 100)
        for client in 0..<1_000 { _ = buckets.take("client-\(client)", at: Double(client)) }
        #expect(buckets.clientCount <= 100)
        _ = buckets.take("busy", at: 1_000)
        _ = buckets.take("busy", at: 1_000)
        #expect(buckets.take("busy", at: 1_000) != .allowed, "a client still in its window keeps its bucket")
    }
}
