import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The bad-input corpus of `Fixtures/malformed/` against every route of the OpenAPI document, with and without valid
/// credentials, and bad path and query parameters: every request is answered, never with a 5xx; what a route reads
/// and finds wrong gets a 4xx with a message (JSON, or an HTML page for `/t/…`); nothing is stored and the server
/// stays healthy.
@Suite(.serialized)
struct MalformedInputTests {
    static let maxBodyBytes = 262_144
    /// Tables whose rows a refused request must never change.
    static let storedTables = ["entries", "events", "devices", "conflicts"]

    @Test
    func everyRouteRefusesTheMalformedCorpusWithA4xxAndAMessageAndStoresNothing() async throws {
        let routes = try OpenAPIRoute.all()
        try #require(routes.count >= 15, "the OpenAPI document lists the routes")
        let corpus = try MalformedInput.corpus(maxBodyBytes: Self.maxBodyBytes)
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo", "--max-body-bytes", String(Self.maxBodyBytes), "--public-rate-limit", "1000000"])
            defer { server.stop() }
            let device = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            var credentials = Credentials(device: try device.secret(), admin: try await server.adminSession())
            let before = try Self.rowCounts(server)

            var failures: [String] = []
            var sent = 0
            for route in routes {
                for input in corpus {
                    for credential in Self.credentialVariants(of: route, for: input, credentials) {
                        let path = route.path()
                        let request = input.request(route.method, path, credential: credential, readsBody: route.readsBody)
                        let mustRefuse = switch input.target {
                        case .body: route.readsBody
                        case .authorization: route.credential != nil
                        case .bodyFraming: route.readsBody
                        case .wire: true
                        }
                        let answer = try HTTPWireResponse.exchange(request, port: server.port)
                        sent += 1
                        let label = "\(route) [\(input.name)\(credential == nil ? ", no credential" : "")]"
                        failures += Self.problems(answer, route: route, mustRefuse: mustRefuse, bare: input.target == .wire).map { "\(label): \($0)" }
                    }
                }
                for (path, mustRefuse, what) in Self.badParameterRequests(route) {
                    let credential = credentials.value(for: route) ?? ""
                    let request = Data("\(route.method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer \(credential)\r\nContent-Type: application/json\r\nContent-Length: \(route.readsBody ? MalformedInput.ordinaryBody.count : 0)\r\n\r\n".utf8)
                        + (route.readsBody ? MalformedInput.ordinaryBody : Data())
                    let answer = try HTTPWireResponse.exchange(request, port: server.port)
                    sent += 1
                    failures += Self.problems(answer, route: route, mustRefuse: mustRefuse, bare: false).map { "\(route) [\(what)]: \($0)" }
                }
                // A route may end the admin's session (logout): log in again for the next routes.
                try await credentials.renewAdminSession(server, probe: routes)
            }

            #expect(sent > 1_000, "the corpus reached the routes")
            let listed = failures.prefix(60).joined(separator: "\n")
            #expect(failures.isEmpty, "\(failures.count) of \(sent) requests answered wrongly:\n\(listed)")
            #expect(try Self.rowCounts(server) == before, "nothing stored by refused requests")
            let health = try HTTPWireResponse.exchange(Data("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8), port: server.port)
            #expect(health.status == 200, "the server is still healthy")
            try await device.sync()
            #expect(!server.log.contains("request failed"), "no request failed inside the server:\n\(server.log.split(separator: "\n").filter { $0.contains("request failed") }.prefix(10).joined(separator: "\n"))")
        }
    }

    /// What is wrong with `answer`, if anything: no answer, a 5xx, a success where a refusal was due, or a refusal
    /// without a message. A `bare` refusal comes from the HTTP parser, before any route, as a 400 with no body.
    static func problems(_ answer: HTTPWireResponse, route: OpenAPIRoute, mustRefuse: Bool, bare: Bool) -> [String] {
        guard answer.status != 0 else { return ["no answer (connection closed)"] }
        guard answer.status < 500 else { return ["\(answer.status): \(String(decoding: answer.body.prefix(300), as: UTF8.self))"] }
        if bare { return answer.status == 400 ? [] : ["\(answer.status) instead of the HTTP parser's 400"] }
        if mustRefuse && !(400..<500).contains(answer.status) { return ["\(answer.status) where a 4xx was due"] }
        guard answer.status >= 400 else { return [] }
        if route.template == "/t" || route.template.hasPrefix("/t/") {
            let page = String(decoding: answer.body, as: UTF8.self)
            let html = answer.headers["content-type"]?.hasPrefix("text/html") == true && page.contains("<html")
            return html ? [] : ["\(answer.status) without an HTML page: \(page.prefix(200))"]
        }
        let message = (try? JSONValue.parse(answer.body))?["error"]?["message"]
        guard case .string(let zh)? = message?["zh"], case .string(let en)? = message?["en"], !zh.isEmpty, !en.isEmpty,
              answer.headers["content-type"]?.hasPrefix("application/json") == true
        else { return ["\(answer.status) without a JSON message: \(String(decoding: answer.body.prefix(200), as: UTF8.self))"] }
        return []
    }

    /// The credentials to send `input` to `route` with: a body input goes with the valid credential (so the route
    /// reads the body) and, for a route that needs one, without; a header input supplies its own `Authorization`.
    static func credentialVariants(of route: OpenAPIRoute, for input: MalformedInput, _ credentials: Credentials) -> [String?] {
        let valid = credentials.value(for: route)
        guard input.target == .body else { return [valid ?? credentials.device] }
        return route.credential == nil ? [nil] : [valid, nil]
    }

    /// Requests with one bad path or query parameter each (the others well formed): the path, whether the route must
    /// refuse it, and what is bad.
    static func badParameterRequests(_ route: OpenAPIRoute) -> [(path: String, mustRefuse: Bool, what: String)] {
        let values = ["abc", "-1", "99999999999999999999", "%FF%FE", "%00", "2026-13-45", "%3Cscript%3E", String(repeating: "9", count: 2_000)]
        var requests: [(String, Bool, String)] = []
        let query = route.parameters.filter { !$0.inPath }
        func queryString(_ overrides: [String: String]) -> String {
            let items = query.map { "\($0.name)=\(overrides[$0.name] ?? $0.wellFormed)" } + overrides.filter { name, _ in !query.contains { $0.name == name } }.map { "\($0.key)=\($0.value)" }
            return items.isEmpty ? "" : "?" + items.sorted().joined(separator: "&")
        }
        for parameter in route.parameters {
            for value in values {
                let decoded = value.removingPercentEncoding ?? value
                if parameter.inPath {
                    requests.append((route.path([parameter.name: value]) + queryString([:]), true, "\(parameter.name)=\(value.prefix(24))"))
                } else {
                    requests.append((route.path() + queryString([parameter.name: value]), parameter.refuses(decoded), "\(parameter.name)=\(value.prefix(24))"))
                }
            }
        }
        requests.append((route.path() + queryString(["no_such_parameter": "1"]), false, "unknown query parameter"))
        return requests
    }

    /// The row counts of the tables refused requests must not change.
    static func rowCounts(_ server: ServerProcess) throws -> [String: Int64] {
        let central = try Database(path: server.databasePath)
        var counts: [String: Int64] = [:]
        for table in storedTables { counts[table] = try central.scalar("SELECT count(*) FROM \(table)") }
        return counts
    }
}

/// The valid credentials of the run: an enrolled device's secret and an admin's session token.
struct Credentials {
    let device: String
    var admin: String

    /// The credential `route` asks for, if any.
    func value(for route: OpenAPIRoute) -> String? {
        switch route.credential {
        case .device: device
        case .admin: admin
        case nil: nil
        }
    }

    /// Logs the admin in again if the session no longer opens the first admin route that reads nothing.
    mutating func renewAdminSession(_ server: ServerProcess, probe routes: [OpenAPIRoute]) async throws {
        guard let probe = routes.first(where: { $0.credential == .admin && $0.method == "GET" && $0.parameters.isEmpty }) else { return }
        let answer = try HTTPWireResponse.exchange(
            Data("GET \(probe.path()) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer \(admin)\r\n\r\n".utf8),
            port: server.port
        )
        if answer.status == 401 {
            admin = try await server.login(name: CentralStore.bootstrapAdminName, password: ServerProcess.adminPassword)
        }
    }
}

extension OpenAPIRoute.Parameter {
    /// A value the parameter accepts in form.
    var wellFormed: String {
        if isInteger { return "1" }
        if let allowed, let first = allowed.first { return first }
        if isDate { return "2026-11-24" }
        if pattern != nil { return "46010001" }
        return "x"
    }
}
