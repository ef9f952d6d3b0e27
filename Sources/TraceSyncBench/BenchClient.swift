import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP client sized for many devices at once, with JSON in and out. AsyncHTTPClient, as `field` uses: URLSession on
/// Linux keeps a core busy while it waits, which on this machine would take the CPU from the server measured.
struct BenchClient: Sendable {
    private let client: HTTPClient

    init(connections: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    /// Sends `body` and returns the status and response body.
    func send(_ method: String, _ url: String, body: Data?, secret: String? = nil) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Content-Type", value: "application/json")
        if let secret { request.headers.add(name: "Authorization", value: "Bearer \(secret)") }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(600))
        let data = Data(try await response.body.collect(upTo: 256 * 1024 * 1024).readableBytesView)
        return (Int(response.status.code), data)
    }

    /// Closes the connections; the client cannot be used after.
    func shutdown() async throws {
        try await client.shutdown()
    }
}
