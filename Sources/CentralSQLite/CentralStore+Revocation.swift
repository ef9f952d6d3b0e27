public import CentralCore
public import SyncCore

extension CentralStore {
    /// The id of the device this secret belongs to if that device is revoked, so its refused requests can be
    /// audited under its name; nil for an unknown secret or a device in service.
    public func revokedDeviceID(secret: String) throws -> String? {
        try database.row(
            "SELECT id FROM devices WHERE secret_hash = ? AND revoked_at IS NOT NULL", Secrets.hash(secret)
        )?.string("id")
    }
}
