import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// Sets `name`'s password for a province admin (no old password asked), hashed on `passwords`; unlocks the
    /// account and ends its sessions.
    func resetPassword(of name: String, to password: String) async throws {
        try store.checkPasswordReset(password, of: name)
        let hash = try await passwords.run { try NewPasswordHash(hashing: password) }
        try store.storeNewPassword(hash, of: name)
    }
}
