import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncCore

/// Talks JSON over HTTP to the sync server.
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
    private let session: URLSession

    init(baseURL: URL, secret: String?, timeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.secret = secret
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration)
    }

    /// Sends a request and decodes the JSON answer.
    func send<Response: Decodable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: (some Encodable)? = nil as String?,
        as type: Response.Type
    ) async throws -> Response {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        if let secret { request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw Failure.unreachable(error.localizedDescription)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
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
