public import SyncCore

/// A login in progress, between the store's read of the name and its record of the outcome: the password is checked
/// against it outside the store (`check(_:)` is slow on purpose), so a caller can run that on threads of its own
/// and leave the store free for other work meanwhile.
///
/// A name the store does not know gets an attempt too, checked just as long, so its answers look like a known
/// name's.
public struct LoginAttempt: Sendable {
    /// The name tried.
    public let name: String
    /// The stored hash to check against; nil for an unknown name.
    let storedHash: String?

    /// Checks `password` against the stored hash: about a quarter of a second of PBKDF2 on one core, for known and
    /// unknown names alike. A match against a hash of outdated parameters also makes its replacement.
    public func check(_ password: String) throws -> PasswordCheck {
        guard let storedHash, let hash = PasswordHash(stored: storedHash) else {
            try PasswordHash.burnComparableTime(password)
            return PasswordCheck(checkedHash: storedHash, matches: false, rehashed: nil)
        }
        guard try hash.matches(password) else { return PasswordCheck(checkedHash: storedHash, matches: false, rehashed: nil) }
        return PasswordCheck(
            checkedHash: storedHash, matches: true, rehashed: hash.isOutdated ? try PasswordHash(hashing: password).stored : nil
        )
    }

    package init(name: String, storedHash: String?) {
        self.name = name
        self.storedHash = storedHash
    }
}

/// The result of `LoginAttempt.check(_:)`, for the store to record.
public struct PasswordCheck: Sendable {
    /// The stored hash the password was checked against (a concurrent password change makes it stale).
    package let checkedHash: String?
    /// Whether the password was right.
    package let matches: Bool
    /// A stronger hash of the same password, to store in place of an outdated one.
    package let rehashed: String?
}
