import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Turns every error thrown behind it into an `APIError` response, so each failure reaches the client as the same
/// JSON body. Refusals are logged at info; anything else at error, with its details kept in the log only.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Passes the request on; whatever is thrown comes back as an `APIError` response.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, logger: context.logger)
            return try apiError.response(from: request, context: context)
        }
    }

    /// The `APIError` an error answers with (the console renders the same as a page); logs it.
    static func apiError(for error: any Error, logger: Logger) -> APIError {
        let apiError: APIError
        switch error {
        case let error as APIError: apiError = error
        case let refusal as TraceSyncError: apiError = APIError(refusal)
        case let error as any HTTPResponseError: apiError = APIError(error)
        default:
            logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
        logger.info("request refused", metadata: [
            "error.code": "\(apiError.body.error.code)",
            "error.field": "\(apiError.body.error.field ?? "-")",
        ])
        return apiError
    }
}
