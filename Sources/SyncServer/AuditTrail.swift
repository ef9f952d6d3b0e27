import Foundation

/// What the audit log should say about one request, filled in as the request passes through: the authentication
/// middleware sets who acted, a handler may name what it did. `AuditMiddleware` reads it once the answer is known.
///
/// One per request, shared by the copies of the request context that middleware make, hence a class.
final class AuditTrail: @unchecked Sendable {
    // @unchecked Sendable: every stored value is read and written only while holding `lock`.
    private let lock = NSLock()
    private var storedActor = "anonymous"
    private var storedAction: String?
    private var storedTarget: String?
    private var storedDetail: String?
    private var storedRefused = false

    init() {}

    /// Who acted: `user:<name>`, `device:<id>`, or `anonymous` until someone authenticates.
    var actor: String {
        get { lock.withLock { storedActor } }
        set { lock.withLock { storedActor = newValue } }
    }

    /// What the handler did, dotted (`device.revoke`); nil leaves the middleware's name for the route.
    var action: String? {
        get { lock.withLock { storedAction } }
        set { lock.withLock { storedAction = newValue } }
    }

    /// What it was done to (a device id, a conflict id); nil leaves the route template.
    var target: String? {
        get { lock.withLock { storedTarget } }
        set { lock.withLock { storedTarget = newValue } }
    }

    /// Whether the request was refused in part although its status does not say so (a push answered 200 whose
    /// entries were refused as out of the device's scope): it is then recorded as refused.
    var refused: Bool {
        get { lock.withLock { storedRefused } }
        set { lock.withLock { storedRefused = newValue } }
    }

    /// Anything else worth keeping; never a secret.
    var detail: String? {
        get { lock.withLock { storedDetail } }
        set { lock.withLock { storedDetail = newValue } }
    }
}
