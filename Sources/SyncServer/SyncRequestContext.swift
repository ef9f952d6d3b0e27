import Hummingbird
import NIOCore
import SyncCore
import CentralCore
import CentralSQLite

/// The request context of the sync server: Hummingbird's own, plus the client's address and the device or admin
/// that authenticated.
struct SyncRequestContext: RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected client's address (nil under the router test client), which the public rate limit keys on.
    let remoteAddress: SocketAddress?
    /// Set by `DeviceAuthMiddleware` on the routes that need a device.
    var device: CentralStore.DeviceRecord?
    /// The logged-in admin user, set by `AdminAuthMiddleware` on the `/v1/admin` and `/v1/export` routes; the role
    /// checks of `SyncRequestContext+Roles.swift` read it.
    var admin: AdminPrincipal?
    /// The console session, set by `ConsoleAuthMiddleware` on the signed-in `/console` pages (with `admin`).
    var console: ConsoleSession?
    /// What the audit log will say about this request: who acted, and what a handler did.
    let trail = AuditTrail()

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.device = nil
        self.admin = nil
        self.console = nil
    }

    /// The authenticated device; a route behind `DeviceAuthMiddleware` always has one.
    func requireDevice() throws -> CentralStore.DeviceRecord {
        guard let device else { throw DeviceAuthMiddleware.missingSecret }
        return device
    }

    /// The authenticated admin; a route behind `AdminAuthMiddleware` always has one.
    func requireAdmin() throws -> AdminPrincipal {
        guard let admin else { throw AdminAuthMiddleware.missingToken }
        return admin
    }
}
