import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Enrolled devices, of one node or all.
    func devices(node: String?) throws -> [CentralStore.DeviceRecord] {
        if let node { _ = try store.node(node) }
        return try store.devices(node: node)
    }

    /// The device with this id, or nil if there is none.
    func knownDevice(_ id: String) throws -> CentralStore.DeviceRecord? {
        do {
            return try store.device(id)
        } catch let refusal as TraceSyncError where refusal.code == .unknownDevice {
            return nil
        }
    }

    /// Revokes the device and returns it as it now is.
    func revokeDevice(_ id: String) throws -> CentralStore.DeviceRecord {
        try store.revokeDevice(id)
        return try store.device(id)
    }

    /// Enrolled devices with their latest inspector, rejected entries and clock skew, of one node or all.
    func deviceActivity(node: String?) throws -> [CentralStore.DeviceActivity] {
        if let node { _ = try store.node(node) }
        return try store.deviceActivity(node: node)
    }

    /// Issues a one-time enrollment code for `node`, valid for `expires` (`7d`, `24h` or a date, as
    /// `admin enroll-code --expires` reads it); returns the code and when it expires.
    func issueEnrollCode(node: String, expires: String) throws -> (code: String, expiresAt: Int64) {
        let expiresAt = try EnrollCodeExpiry.parse(expires, now: store.clock())
        return (try store.issueEnrollCode(node: node, expiresAt: expiresAt), expiresAt)
    }

    /// Every node, by code.
    func nodes() throws -> [Node] {
        try store.nodes()
    }

    /// The node with this code.
    func node(_ code: String) throws -> Node {
        try store.node(code)
    }

    /// The store's clock, in milliseconds.
    func now() -> Int64 {
        store.clock()
    }
}
