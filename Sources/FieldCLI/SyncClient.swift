import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SyncCore

/// Talks JSON over HTTP(S) to the sync server, through AsyncHTTPClient on SwiftNIO: Foundation's URLSession on Linux
/// keeps a core busy while it waits for an answer, which a device on battery cannot afford.
struct SyncClient {
    /// Why a request did not succeed.
    enum Failure: Error {
        /// No whole answer came back: see the problem. Worth retrying, except where no connection could be made.
        case unreachable(ConnectionProblem)
        /// The server answered with an error status.
        case refused(status: Int, body: APIErrorBody?)

        /// True when trying again later may succeed.
        var isTransient: Bool {
            switch self {
            case .unreachable: true
            case .refused(let status, _): status >= 500 || status == 429
            }
        }
    }

    let baseURL: URL
    let secret: String?
    let options: ConnectionOptions
    private let http: HTTPClient

    /// The largest answer read: a pull page is far smaller.
    static let maxResponseBytes = 256 * 1024 * 1024

    /// Runs `body` with a client for `baseURL`, shut down again before this returns.
    ///
    /// The client's connection pool does not retry failed connections by itself (AsyncHTTPClient's default retries
    /// until the request's deadline, so a refused connection used to take the whole 30 s and then report only the
    /// last socket error): a failure comes back at once, classified, and `Retrying` decides what is worth repeating.
    static func with<T>(
        baseURL: URL, secret: String?, options: ConnectionOptions, _ body: (SyncClient) async throws -> T
    ) async throws -> T {
        var configuration = HTTPClient.Configuration(timeout: .init(
            connect: .nanoseconds(Int64(options.connectTimeout * 1e9)),
            read: .nanoseconds(Int64(options.readTimeout * 1e9)),
            write: .nanoseconds(Int64(options.readTimeout * 1e9))
        ))
        configuration.connectionPool.retryConnectionEstablishment = false
        return try await HTTPClient.withHTTPClient(configuration: configuration) { http in
            try await body(SyncClient(baseURL: baseURL, secret: secret, options: options, http: http))
        }
    }

    /// Sends a request and decodes the JSON answer.
    func send<Response: Decodable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: (some Encodable)? = nil as String?,
        as type: Response.Type
    ) async throws -> Response {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query }
        var request = HTTPClientRequest(url: components.url!.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if let secret { request.headers.add(name: "Authorization", value: "Bearer \(secret)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        }
        let data: Data, status: Int
        do {
            // No deadline for the whole exchange: the read timeout bounds every silence, and a large push may take long.
            let response = try await http.execute(request, deadline: .distantFuture)
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: Self.maxResponseBytes).readableBytesView)
        } catch {
            throw Failure.unreachable(ConnectionProblem(
                error, connectTimeout: options.connectTimeout, readTimeout: options.readTimeout
            ))
        }
        guard (200..<300).contains(status) else {
            throw Failure.refused(status: status, body: try? JSONDecoder().decode(APIErrorBody.self, from: data))
        }
        do {
            return try JSONDecoder().decode(Response.self, from: data)
        } catch {
            throw Failure.refused(status: status, body: APIErrorBody(
                code: "bad_response",
                message: LocalizedText(zh: "服务器的回答无法解读：请确认地址指向 TraceSync 同步服务器。",
                                       en: "the server's answer could not be read: check that the address is a TraceSync sync server.")
            ))
        }
    }
}
