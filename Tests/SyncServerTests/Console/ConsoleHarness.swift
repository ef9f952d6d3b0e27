import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// A browser's view of the console through the router test client: the cookies it holds and the CSRF token of its
/// session.
struct ConsoleBrowser: Sendable {
    let server: ServerHarness
    /// Cookie name → value, as a browser would send them back to `/console`.
    var cookies: [String: String] = [:]

    /// Sends a request with the held cookies; keeps what `Set-Cookie` sets (an empty value clears).
    mutating func send(_ method: HTTPRequest.Method, _ uri: String, form: [String: String]? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let body = form.map { fields in
            fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        let response = try await server.client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        return response
    }

    /// The CSRF token in the first form of a page.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Signs in as `name` through the sign-in form; returns the CSRF token of the new session.
    @discardableResult
    mutating func signIn(_ name: String, password: String = ServerHarness.adminPassword) async throws -> String {
        let form = try await send(.get, "/console/login")
        let token = try #require(Self.csrf(in: form.text))
        let answer = try await send(.post, "/console/login", form: ["csrf": token, "name": name, "password": password])
        guard answer.status == HTTPResponse.Status.seeOther else { throw ServerHarness.HarnessError.unexpected(answer.status, answer.text) }
        return try #require(Self.csrf(in: try await send(.get, "/console").text))
    }
}

extension ServerHarness {
    /// Adds the user `name` with `role` and `nodes` (password `adminPassword`) unless they exist.
    func addUser(_ name: String, role: AdminRole, nodes: [String] = []) throws {
        _ = try session(of: name, role: role, nodes: nodes)
    }
}
