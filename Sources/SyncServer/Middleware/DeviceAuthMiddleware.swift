import Foundation
import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Recognises the device by its `Authorization: Bearer <secret>` header and puts it in the context; refuses a
/// missing or unknown secret and a revoked device with 401. The secret is never logged.
struct DeviceAuthMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Where devices are looked up by their secret.
    let service: CentralService

    /// Authenticates the device, then passes the request on with the device in its context.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let secret = Self.bearerSecret(request.headers[.authorization]) else { throw Self.missingSecret }
        var context = context
        let device: CentralStore.DeviceRecord
        do {
            device = try await service.authenticate(secret: secret)
        } catch let refusal as TraceSyncError where refusal.code == .deviceRevoked {
            context.trail.actor = try await service.revokedDeviceID(secret: secret).map { "device:\($0)" } ?? "anonymous"
            context.trail.detail = refusal.code.rawValue
            throw refusal
        }
        context.device = device
        context.trail.actor = "device:\(device.id)"
        context.logger[metadataKey: "device.id"] = "\(device.id)"
        return try await next(request, context)
    }

    /// The secret of a `Bearer` authorization header (the scheme in any case), if there is one.
    static func bearerSecret(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        return secret.isEmpty ? nil : secret
    }

    /// The refusal of a request without a bearer secret.
    static let missingSecret = TraceSyncError(
        .unauthorized, field: "Authorization",
        zh: "缺少设备密钥：请在请求头中加入 Authorization: Bearer <设备密钥>；尚未注册的设备请先运行 field enroll。",
        en: "the device secret is missing: send the header Authorization: Bearer <device secret>; enroll the device first (field enroll) if it has none."
    )
}
