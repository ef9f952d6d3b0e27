public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Raw HTTP requests to a server on loopback, for tests that send what a well-behaved device would not.
public enum HTTP {
    /// Sends a request and returns the status and body.
    public static func send(
        _ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
