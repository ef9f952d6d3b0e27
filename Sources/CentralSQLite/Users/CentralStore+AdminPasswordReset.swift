public import CentralCore
public import SyncCore

extension CentralStore {
    /// Checks a password a province admin sets for another user, as `admin user passwd` does (no old password
    /// asked); the caller hashes it and stores it with `storeNewPassword`, which unlocks the account and ends its
    /// sessions.
    /// - Throws: `TraceSyncError` `unknown_user` or `weak_password`.
    public func checkPasswordReset(_ password: String, of name: String) throws {
        _ = try adminUser(name)
        try PasswordPolicy.check(password, name: name)
    }
}
