import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The one error the server answers with: an HTTP status and an `APIErrorBody` saying, in Chinese and English, what
/// is wrong and what to do.
struct APIError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    let body: APIErrorBody
    /// For a 405: the methods the path serves, for the `Allow` header.
    let allow: String?
    /// For a 429: the seconds until the client may try again, for the `Retry-After` header.
    var retryAfter: Int?

    /// An error answering with `status` and a body of `code`, the `field` at fault and the bilingual `message`.
    init(
        status: HTTPResponse.Status, code: TraceSyncError.Code, field: String? = nil, message: LocalizedText, ackedSeq: Int64? = nil,
        allow: String? = nil
    ) {
        self.status = status
        self.body = APIErrorBody(code: code.rawValue, field: field, message: message, ackedSeq: ackedSeq)
        self.allow = allow
    }

    /// A JSON response; a 401 also names the scheme to authenticate with, a 405 the methods allowed, a 429 when to
    /// try again.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONEncoder().encode(body, from: request, context: context)
        response.status = status
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if let allow { response.headers[.allow] = allow }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
