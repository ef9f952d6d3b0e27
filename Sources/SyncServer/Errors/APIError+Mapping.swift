import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The one place where failures become HTTP statuses.
extension APIError {
    /// The status for a refusal, by its stable code. Every other code (`wrong_device`, `enroll_code_invalid`,
    /// `bad_json`, `unknown_field`, `bad_parameter` and every validation refusal) is 400.
    static func status(for code: String) -> HTTPResponse.Status {
        switch code {
        case "unauthorized", "device_revoked", "session_expired", "login_failed": .unauthorized
        case "forbidden_scope", "forbidden", "password_change_required", "account_locked", "account_disabled": .forbidden
        case "unknown_conflict", "unknown_code", "voided_code", "unknown_user", "unknown_device": .notFound
        case "integrity_violation", "seq_gap", "enroll_code_used", "device_exists", "device_number_taken",
             "device_numbers_exhausted", "conflict_resolved", "user_exists", "last_province_admin": .conflict
        case "not_held", "batch_disposed", "batch_voided", "retest_missing": .conflict
        case "bad_resolution", "missing_field": .badRequest
        case "enroll_code_expired": .gone
        case "payload_too_large", "too_many_entries": .contentTooLarge
        case "unsupported_media_type": .unsupportedMediaType
        case "rate_limited": .tooManyRequests
        default: .badRequest
        }
    }

    /// A refusal of the store or of the request's shape.
    init(_ refusal: TraceSyncError) {
        self.init(status: Self.status(for: refusal.code.rawValue), code: refusal.code.rawValue, field: refusal.field,
                  message: refusal.message, ackedSeq: refusal.ackedSeq)
    }

    /// An error Hummingbird raised itself (no such route, body too large …), in the same shape.
    init(_ error: some HTTPResponseError) {
        switch error.status {
        case .notFound:
            self.init(status: .notFound, code: "not_found", message: LocalizedText(
                zh: "没有这个接口：请核对地址和方法，接口列表见 /openapi.json。",
                en: "there is no such route: check the path and method; /openapi.json lists the routes."))
        case .contentTooLarge:
            self.init(status: .contentTooLarge, code: "payload_too_large", message: LocalizedText(
                zh: "请求体太大：请分批发送。", en: "the request body is too large: send it in smaller batches."))
        case let status where status.kind == .clientError:
            self.init(status: status, code: "bad_request", message: LocalizedText(
                zh: "请求无效（\(status.code)）：请按 /openapi.json 的说明发送请求。",
                en: "the request is not valid (\(status.code) \(status.reasonPhrase)): send it as /openapi.json describes."))
        default:
            self = .internalError
        }
    }

    /// Any other failure: a 500 that tells nothing of the internals (they are logged with the request id).
    static let internalError = APIError(status: .internalServerError, code: "internal_error", message: LocalizedText(
        zh: "服务器内部错误：请稍后重试（重复推送是安全的）；若仍然失败，请把响应头中的 X-Request-Id 告诉管理员。",
        en: "internal server error: retry later (repeating a push is safe); if it keeps failing, give the admin the X-Request-Id response header."))
}
