import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Turns every error thrown behind it into a bilingual HTML page with the status the API would answer (the same
/// mapping, `ErrorMiddleware.apiError`), so a refused console action reads as a page, not as JSON.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Passes the request on; whatever is thrown comes back as an error page.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = ErrorMiddleware<Context>.apiError(for: error, logger: context.logger)
            let message = apiError.body.error.message
            let body = """
            <div class="error"><p>\(ConsolePage.t(message.zh, message.en))</p>\
            <p class="en">\(HTMLPage.escape(apiError.body.error.code)) · HTTP \(apiError.status.code)</p></div>
            <p><a href="/console">\(ConsolePage.t("返回概览", "Back to the overview"))</a></p>
            """
            let title = LocalizedText(zh: "无法完成", en: "Could not be done")
            var response = ConsolePage.response(ConsolePage.document(title: title, session: context.console, body: body), status: apiError.status)
            if let retryAfter = apiError.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }
}
