import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// A shopper's browser on the public complaint form, through the router test client: opens a code's page, reads
/// the form's token, and posts the form as a browser does (`application/x-www-form-urlencoded`).
struct ComplaintShopper {
    let server: ServerHarness

    /// The token of the complaint form on `code`'s trace page.
    func token(_ code: String) async throws -> String {
        let page = try await server.send(.get, "/t/\(code)").text
        let range = try #require(page.range(of: "name=\"token\" value=\""), "the trace page has no complaint form")
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts the form `fields` to `code`'s complaints.
    func post(_ code: String, _ fields: [String: String]) async throws -> TestResponse {
        let body = fields.sorted { $0.key < $1.key }.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await server.client.execute(
            uri: "/t/\(code)/complaints", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
        )
    }

    /// Fills in the form of `code`'s page with a fresh token and posts it.
    func file(_ code: String, category: String = "spoiled", text: String = "回家打开发现肉有异味。",
              phone: String = "") async throws -> TestResponse {
        try await post(code, ["token": try await token(code), "category": category, "text": text, "phone": phone])
    }

    /// The complaints in the store.
    func stored() throws -> [Complaint] {
        try server.admin { try $0.complaints() }
    }
}
