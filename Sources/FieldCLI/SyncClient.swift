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
        /// No answer: connection refused, timed out, reset. Worth retrying.
        case unreachable(String)
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
    /// How long one request may take, answer included, before it counts as unreachable.
    let timeout: TimeAmount

    /// The largest answer read: a pull page is far smaller.
    static let maxResponseBytes = 256 * 1024 * 1024

    init(baseURL: URL, secret: String?, timeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.secret = secret
        self.timeout = .milliseconds(Int64(timeout * 1000))
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
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: Self.maxResponseBytes).readableBytesView)
        } catch {
            throw Failure.unreachable(String(describing: error))
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
