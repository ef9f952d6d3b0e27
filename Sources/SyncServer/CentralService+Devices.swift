import SyncCore

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
        } catch let refusal as TraceSyncError where refusal.code == "unknown_device" {
            return nil
        }
    }

    /// Revokes the device and returns it as it now is.
    func revokeDevice(_ id: String) throws -> CentralStore.DeviceRecord {
        try store.revokeDevice(id)
        return try store.device(id)
    }
}
