import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

@Suite struct HealthAndDocumentTests {
    @Test func healthzNamesTheBackendAndSaysTheDatabaseAnswered() async throws {
        try await withServer { server in
            let response = try await server.send(.get, "/healthz")
            #expect(response.status == .ok)
            #expect(try JSONValue.parse(response.text) == .object([
                "status": .string("ok"), "backend": .string("sqlite"), "database": .string("ok"),
            ]))
            #expect(response.headers[RequestIDMiddleware<SyncRequestContext>.headerName]?.isEmpty == false)
        }
    }

    @Test func healthzIs503WithTheProblemWhenTheDatabaseDoesNotAnswer() async throws {
        let router = Router(context: SyncRequestContext.self)
        router.addRoutes(HealthController { .failing("sqlite", "disk I/O error") }.endpoints, atPath: "/healthz")
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(try JSONValue.parse(String(buffer: response.body)) == .object([
                "status": .string("unavailable"), "backend": .string("sqlite"), "database": .string("disk I/O error"),
            ]))
        }
    }

    @Test func openAPIDocumentIsServedAndParses() async throws {
        try await withServer { server in
            let response = try await server.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let document = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() async throws {
        try await withServer { server in
            let router = try buildRouter(
                ServerConfiguration(databasePath: server.databasePath),
                service: try CentralService(path: server.databasePath)
            )
            let response = try await server.send(.get, "/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            // The console's pages (/console) are HTML for people, not API for programs: they are left out of the
            // API document on purpose, and ConsoleTests cover them.
            let routed = Set(router.routes.filter { !$0.path.description.hasPrefix("/console") }
                .map { "\($0.method.rawValue.lowercased()) \($0.path)" })
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            #expect(routed.count == 40)
            #expect(routed.subtracting(documented).isEmpty, "routes missing from openapi.json")
            #expect(documented.subtracting(routed).isEmpty, "openapi.json documents routes the server lacks")
        }
    }

    @Test func anUnknownRouteIsA404WithTheErrorBody() async throws {
        try await withServer { server in
            let response = try await server.send(.get, "/v1/nothing")
            #expect(response.status == .notFound)
            #expect(try response.apiError.code == "not_found")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test(arguments: [
        (HTTPRequest.Method.trace, "/healthz", "GET"), (.delete, "/v1/admin/conflicts/3", "GET"),
        (.get, "/v1/sync/push", "POST"), (.put, "/v1/trace/460100010012611250000197", "GET"),
    ])
    func anUndeclaredMethodOnAKnownPathIsA405WithAllow(method: HTTPRequest.Method, path: String, allow: String) async throws {
        try await withServer { server in
            let response = try await server.send(method, path)
            #expect(response.status == .methodNotAllowed, "\(response.text)")
            #expect(response.headers[.allow] == allow)
            #expect(try response.apiError.code == "method_not_allowed")
            #expect(try response.apiError.message.zh.contains(allow))
        }
    }
}
