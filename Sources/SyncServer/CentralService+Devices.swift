import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Enrolled devices, of one node or all.
    nonisolated func devices(node: String?) async throws -> [DeviceRecord] {
        try await read { store in
            if let node { _ = try store.node(node) }
            return try store.devices(node: node)
        }
    }

    /// The device with this id, or nil if there is none.
    nonisolated func knownDevice(_ id: String) async throws -> DeviceRecord? {
        do {
            return try await read { try $0.device(id) }
        } catch let refusal as TraceSyncError where refusal.code == .unknownDevice {
            return nil
        }
    }

    /// Revokes the device and returns it as it now is.
    func revokeDevice(_ id: String) throws -> DeviceRecord {
        try store.revokeDevice(id)
        return try store.device(id)
    }

    /// Enrolled devices with their latest inspector, rejected entries and clock skew, of one node or all.
    nonisolated func deviceActivity(node: String?) async throws -> [DeviceActivity] {
        try await read { store in
            if let node { _ = try store.node(node) }
            return try store.deviceActivity(node: node)
        }
    }

    /// Issues a one-time enrollment code for `node`, valid for `expires` (`7d`, `24h` or a date, as
    /// `admin enroll-code --expires` reads it); returns the code and when it expires.
    func issueEnrollCode(node: String, expires: String) throws -> (code: String, expiresAt: Int64) {
        let expiresAt = try EnrollCodeExpiry.parse(expires, now: store.clock())
        return (try store.issueEnrollCode(node: node, expiresAt: expiresAt), expiresAt)
    }

    /// Every node, by code.
    nonisolated func nodes() async throws -> [Node] {
        try await read { try $0.nodes() }
    }

    /// The node with this code.
    nonisolated func node(_ code: String) async throws -> Node {
        try await read { try $0.node(code) }
    }

    /// The store's clock, in milliseconds.
    nonisolated func now() -> Int64 {
        clock()
    }
}
