import Foundation
import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /t/{code}`: the consumer's HTML page for a trace code, without login; a refused code gets a page of its own
/// with the same status as the JSON route (404 unknown or voided, 400 mistyped or malformed) and a form to type the
/// code again, which sends it to `GET /t?code=…`. Added behind the public rate limit.
struct TracePageController {
    let service: CentralService

    /// The routes, to add at `/t`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: lookup)
            .get("{code}", use: page)
    }

    /// The page for the code in the path, or the page that says why it cannot be shown.
    @Sendable func page(request: Request, context: SyncRequestContext) async throws -> Response {
        try await page(for: PublicTraceController.code(context), context: context)
    }

    /// `GET /t?code=…`, where the form sends a code: its page; without a code, the form alone.
    @Sendable func lookup(request: Request, context: SyncRequestContext) async throws -> Response {
        guard let code = Self.formValue("code", query: request.uri.query), !code.allSatisfy(\.isWhitespace) else {
            return HTMLPage.response(TracePage.lookupPage(), status: .ok)
        }
        return try await page(for: code, context: context)
    }

    /// The value of field `name` in a query a form sent (`application/x-www-form-urlencoded`: `+` for a space,
    /// then percent-encoding), or nil when the query has no such field.
    static func formValue(_ name: String, query: String?) -> String? {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first == Substring(name) else { continue }
            let value = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ") : ""
            return value.removingPercentEncoding ?? value
        }
        return nil
    }

    private func page(for code: String, context: SyncRequestContext) async throws -> Response {
        // A special-equipment unit's 18-character code: its own page (EquipmentPage).
        if let unit = try await service.publicEquipment(code.trimmingCharacters(in: .whitespaces)) {
            return HTMLPage.response(EquipmentPage.html(unit), status: .ok)
        }
        do {
            let trace = try await service.publicTrace(code)
            // The seller's grade only while the province shows grades (`admin credit public --on`); never its inputs.
            let grade = try? await service.publicCreditGrade(trace.code)
            let page = TracePage.html(trace, complaintToken: service.complaintFormToken(code: trace.code), creditGrade: grade ?? nil)
            return HTMLPage.response(page, status: .ok)
        } catch let refusal as TraceSyncError {
            context.logger.info("trace page refused", metadata: ["error.code": "\(refusal.code)"])
            return HTMLPage.response(TracePage.html(refusal: refusal, typed: code), status: APIError.status(for: refusal.code))
        }
    }
}
