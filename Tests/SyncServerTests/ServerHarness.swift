import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer

/// A server built by `buildApplication` on a temporary central database holding the two demo markets, driven
/// through Hummingbird's router test client.
struct ServerHarness: Sendable {
    let databasePath: String
    let client: any TestClientProtocol
    /// One fresh enrollment code per demo market, by node code.
    let codes: [String: String]

    /// Runs `body` against the store directly, as `sync-server admin` does while the server runs.
    func admin<T>(_ body: (CentralStore) throws -> T) throws -> T {
        try body(try CentralStore(path: databasePath))
    }

    /// Sends a request with a raw body and any `extraHeaders`.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, secret: String? = nil,
        extraHeaders: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let secret { headers[.authorization] = "Bearer \(secret)" }
        headers.append(contentsOf: extraHeaders)
        return try await client.execute(uri: uri, method: method, headers: headers,
                                        body: body.map { ByteBuffer(string: $0) })
    }

    /// Sends `value` as JSON.
    func post(_ uri: String, _ value: some Encodable, secret: String? = nil) async throws -> TestResponse {
        try await send(.post, uri, body: String(decoding: try JSONEncoder().encode(value), as: UTF8.self), secret: secret)
    }

    /// Enrolls a device at `node` with that market's code.
    func enroll(node: String = "46010001") async throws -> EnrollResponse {
        let response = try await post("/v1/devices/enroll", EnrollRequest(code: codes[node]!, deviceName: "测试机"))
        guard response.status == .created else { throw HarnessError.unexpected(response.status, response.text) }
        return try response.decoded(EnrollResponse.self)
    }

    enum HarnessError: Error {
        case unexpected(HTTPResponse.Status, String)
    }
}

/// Runs `test` against a new server on a temporary database, removed afterwards whatever happens; `configure` may
/// change the configuration first.
func withServer(
    maxBodyBytes: Int = 4_194_304, maxEntries: Int = 1_000, publicRateLimit: Int = 120,
    publicRateLimitClock: (@Sendable () -> Double)? = nil,
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ test: @Sendable (ServerHarness) async throws -> Void
) async throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("SyncServerTests-" + UUID().uuidString, isDirectory: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("central.sqlite").path
    let enrollments = try DemoMarkets.seed(into: try CentralStore(path: path), now: BusinessTime.now())
    let codes = Dictionary(uniqueKeysWithValues: enrollments.map { ($0.node.code, $0.code) })
    var configuration = ServerConfiguration(
        databasePath: path, maxBodyBytes: maxBodyBytes, maxEntries: maxEntries, publicRateLimit: publicRateLimit,
        logLevel: .critical
    )
    configuration.publicRateLimitClock = publicRateLimitClock
    // Reads on the writer, as before the readers came: the suite runs some 250 of these servers at once, and each
    // reader's connection holds two more files; past ~1,300 open files Foundation's Process.run on Linux can read
    // past its /proc/self/fd buffer and crash the test process (swift-corelibs-foundation #5472). The readers are
    // tested by ReadersBesideTheWriterTests and by every test that starts the `sync-server` executable.
    configuration.readers = 0
    configure(&configuration)
    let app = try await buildApplication(configuration)
    try await app.test(.router) { client in
        try await test(ServerHarness(databasePath: path, client: client, codes: codes))
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded from JSON.
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// The error body of a refusal.
    var apiError: APIErrorBody.Detail {
        get throws { try decoded(APIErrorBody.self).error }
    }
}
