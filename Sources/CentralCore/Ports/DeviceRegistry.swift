/// Enrolled devices as the server recognises them on each request.
///
/// Guarantees those of every read port (`CentralReads`): a device revoked by a committed write is refused by every
/// call whose snapshot began after that commit.
public protocol DeviceRegistry {
    /// The device whose bearer secret this is.
    /// - Throws: `TraceSyncError` `unauthorized` for an unknown secret, `device_revoked` for a revoked device.
    func authenticate(secret: String) throws -> DeviceRecord

    /// The id of the revoked device a secret belongs to, so its refusal names it in the audit log; nil otherwise.
    func revokedDeviceID(secret: String) throws -> String?
}
