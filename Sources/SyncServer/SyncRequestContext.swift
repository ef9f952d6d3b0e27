import Hummingbird
import SyncCore

/// The request context of the sync server: Hummingbird's own, plus the device that authenticated.
struct SyncRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by `DeviceAuthMiddleware` on the routes that need a device.
    var device: CentralStore.DeviceRecord?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.device = nil
    }

    /// The authenticated device; a route behind `DeviceAuthMiddleware` always has one.
    func requireDevice() throws -> CentralStore.DeviceRecord {
        guard let device else { throw DeviceAuthMiddleware.missingSecret }
        return device
    }
}
