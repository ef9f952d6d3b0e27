import Foundation
import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `POST /t/{code}/complaints` and `GET /t/{code}/complaints/{receipt}`: a shopper files a complaint from the code's
/// page, without an account, and follows it with the receipt number. Added at `/t` behind the public rate limit.
///
/// Filing is refused, changing nothing, each with a bilingual page: 429 past the client's hourly limit or the
/// code's daily cap, 413 for a form over its size, 403 for a form whose token does not check (another site's, for
/// another code, or hours old), 400 for a field that is not allowed (markup, a bad phone number …), 404 for a code
/// that names nothing. A refused form comes back filled in, with a fresh token. Success is a 303 to the status page.
struct ComplaintPageController {
    let service: CentralService
    let limits: ComplaintLimits
    let limiter: ComplaintRateLimiter

    /// The routes, to add at `/t`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .post("{code}/complaints", use: file)
            .get("{code}/complaints/{receipt}", use: status)
    }

    /// Files the posted form, then sends the shopper to the complaint's status page.
    @Sendable func file(request: Request, context: SyncRequestContext) async throws -> Response {
        let code = PublicTraceController.code(context)
        if case .refused(let retryAfter) = await limiter.take(context.remoteAddress?.ipAddress ?? "unknown") {
            var response = try await refused(Self.tooMany(retryAfter: retryAfter), code: code, values: ComplaintForm(), context: context)
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
        var request = request
        let values: ComplaintForm
        do {
            values = ComplaintForm(encoded: String(buffer: try await request.collectBody(upTo: limits.maxFormBytes)))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return try await refused(Self.tooLarge, code: code, values: ComplaintForm(), context: context)
        }
        do {
            let complaint = try await service.fileComplaint(code: code, form: values, perCodePerDay: limits.perCodePerDay)
            context.logger.info("complaint filed", metadata: ["complaint.id": "\(complaint.id)", "node": "\(complaint.node)"])
            return Response(status: .seeOther, headers: [
                .location: "/t/\(complaint.code)/complaints/\(complaint.receipt)", .cacheControl: "no-store",
            ])
        } catch let refusal as TraceSyncError {
            return try await refused(refusal, code: code, values: values, context: context)
        }
    }

    /// The status page of the complaint with the path's receipt number, filed from the path's code.
    @Sendable func status(request: Request, context: SyncRequestContext) async throws -> Response {
        let code = PublicTraceController.code(context)
        let receipt = context.parameters.get("receipt").map { $0.removingPercentEncoding ?? $0 } ?? ""
        do {
            var response = HTMLPage.response(ComplaintPage.status(try await service.complaint(receipt: receipt, code: code).forShopper),
                                             status: .ok)
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let refusal as TraceSyncError {
            context.logger.info("complaint page refused", metadata: ["error.code": "\(refusal.code)"])
            return HTMLPage.response(ComplaintPage.unknown(refusal, code: code), status: APIError.status(for: refusal.code))
        }
    }

    /// The page of a refused form, with its status: the trace page's own refusal page when the code cannot be shown,
    /// else the form again with what was typed and a fresh token. A refusal past a limit does not log the code.
    private func refused(_ refusal: TraceSyncError, code: String, values: ComplaintForm, context: SyncRequestContext) async throws -> Response {
        context.logger.info("complaint refused", metadata: ["error.code": "\(refusal.code)"])
        let status = APIError.status(for: refusal.code)
        guard let digits = try? PublicCode(parsing: code).digits,
              ![.unknownCode, .voidedCode].contains(refusal.code) else {
            return HTMLPage.response(TracePage.html(refusal: refusal, typed: code), status: status)
        }
        let token = refusal.code == .rateLimited ? nil : service.complaintFormToken(code: digits)
        return HTMLPage.response(ComplaintPage.refused(refusal, code: digits, values: values, token: token), status: status)
    }

    /// The refusal of a client past its hourly limit.
    static func tooMany(retryAfter: Int) -> TraceSyncError {
        TraceSyncError(.rateLimited, field: nil,
                       zh: "提交投诉过于频繁，未保存：请 \(max(1, retryAfter / 60)) 分钟后再试，或直接联系售出的市场。",
                       en: "too many complaints from this connection, so it was not saved: try again in \(max(1, retryAfter / 60)) minutes, or contact the market that sold the goods.")
    }

    /// The refusal of a form over its size.
    static let tooLarge = TraceSyncError(
        .payloadTooLarge, field: "text",
        zh: "提交的内容过大，未保存：问题描述最多 \(ComplaintDraft.maxTextLength) 字，请删减后再提交。",
        en: "what was sent is too large, so nothing was saved: the description may have at most \(ComplaintDraft.maxTextLength) characters; shorten it and submit again."
    )
}
