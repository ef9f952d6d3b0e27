import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// Writes the audit record of each request that needs one, once its final status is known: every request to
/// `/v1/admin`, `/v1/export`, `/v1/auth` and the admins' console `/console`, every enrollment, and every refused request on any route (401, 403, 409,
/// 413, 429), and every request a handler marked as refused in part (`AuditTrail.refused`). It records the route template (never the query or a header, which can hold secrets), the status,
/// the client's address and the actor that `AuditTrail` holds. Sits outside `ErrorMiddleware` so it sees the status
/// errors become.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = SyncRequestContext

    /// Where the records go.
    let service: CentralService

    /// The statuses that make any request worth a record.
    static let refusedStatuses: Set<Int> = [401, 403, 409, 413, 429]
    /// The methods of requests that change nothing.
    static let readOnlyMethods: Set<HTTPRequest.Method> = [.get, .head, .options]
    /// The path prefixes whose every request is recorded.
    static let auditedPrefixes = ["/v1/admin", "/v1/export", "/v1/auth", "/v1/devices/enroll", "/console"]

    /// Passes the request on, then records it if it needs recording.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        let status = Int(response.status.code)
        let path = request.uri.path
        guard Self.refusedStatuses.contains(status) || context.trail.refused
                || Self.auditedPrefixes.contains(where: { path.hasPrefix($0) })
        else { return response }
        let event = Self.event(
            method: request.method.rawValue, route: context.endpointPath ?? path, status: status,
            source: context.remoteAddress?.ipAddress, trail: context.trail
        )
        // A request that may have changed something answers once its record is written; one that only read (or
        // was refused) waits for the writer at most `CentralService.auditWait`.
        let logger = context.logger
        await service.record(event, wait: !Self.readOnlyMethods.contains(request.method) && event.outcome != .refused) { error in
            logger.error("could not write the audit record", metadata: ["error": "\(String(reflecting: error))"])
        }
        return response
    }

    /// The record of one request: the handler's action and target if it named them, else the route's.
    static func event(method: String, route: String, status: Int, source: String?, trail: AuditTrail) -> AuditEvent {
        let outcome: AuditOutcome = refusedStatuses.contains(status) || trail.refused
            ? .refused : status < 400 ? .success : .failure
        let defaultAction = outcome == .refused ? "request.refused" : route.hasPrefix("/v1/devices/enroll")
            ? "device.enroll" : "\(route.split(separator: "/").dropFirst().first ?? "http").request"
        return AuditEvent(
            actor: trail.actor, action: trail.action ?? defaultAction, target: trail.target ?? "\(method) \(route)",
            outcome: outcome, source: source, status: status, detail: trail.detail
        )
    }
}
