internal import Crypto
internal import _CryptoExtras
import Foundation
public import SyncCore

/// A stored password: PBKDF2-HMAC-SHA256 with a random salt, kept as `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>`
/// so that the rounds can be raised later without invalidating the passwords already stored.
package struct PasswordHash: Equatable {
    /// The rounds of new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256).
    static let currentRounds = 600_000
    private static let algorithm = "pbkdf2-sha256"
    private static let saltBytes = 16
    private static let hashBytes = 32

    let rounds: Int
    let salt: [UInt8]
    let hash: [UInt8]

    /// Hashes `password` with a new random salt and the current rounds.
    package init(hashing password: String) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try self.init(password: password, salt: salt, rounds: Self.currentRounds)
    }

    /// Hashes `password` with the given salt and rounds (the rounds of a hash stored before they were raised).
    init(password: String, salt: [UInt8], rounds: Int) throws {
        self.rounds = rounds
        self.salt = salt
        self.hash = try Self.derive(password, salt: salt, rounds: rounds)
    }

    /// Reads a stored hash; nil when it is not one this code wrote.
    init?(stored: String) {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.algorithm, let rounds = Int(parts[1]), rounds > 0,
              let salt = Self.bytes(hex: parts[2]), let hash = Self.bytes(hex: parts[3]), !salt.isEmpty, !hash.isEmpty
        else { return nil }
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// The text to store.
    package var stored: String {
        "\(Self.algorithm)$\(rounds)$\(Self.hex(salt))$\(Self.hex(hash))"
    }

    /// Whether a login should store a new hash because this one's parameters are weaker than today's.
    var isOutdated: Bool { rounds < Self.currentRounds || hash.count != Self.hashBytes }

    /// Whether `password` is the one hashed here, compared in constant time.
    func matches(_ password: String) throws -> Bool {
        let candidate = try Self.derive(password, salt: salt, rounds: rounds, length: hash.count)
        return Self.constantTimeEqual(candidate, hash)
    }

    /// Spends as long as checking a real password does, for logins of unknown users, so that timing does not tell
    /// which names exist.
    static func burnComparableTime(_ password: String) throws {
        _ = try derive(password, salt: [UInt8](repeating: 0, count: saltBytes), rounds: currentRounds)
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int, length: Int = hashBytes) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: length, unsafeUncheckedRounds: rounds
        )
        return key.withUnsafeBytes { Array($0) }
    }

    private static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
