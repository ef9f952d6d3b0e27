public import SyncCore


/// Device secrets and enrollment codes: random, shown once, stored only as SHA-256 hashes.
///
/// Both carry at least 60 bits of randomness from the system generator, so a fast hash is enough to keep them
/// safe at rest (a slow KDF protects low-entropy passwords, which these are not).
package enum Secrets {
    /// Characters of enrollment codes: no 0/O, 1/I/L, 5/S, 2/Z, 8/B to misread.
    private static let codeAlphabet = Array("34679ACDEFGHJKMNPQRTUVWXY")

    /// A 32-byte bearer secret, hex.
    package static func deviceSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// A 12-character enrollment code in groups of four, e.g. `K7QX-M9PD-4HTR`.
    package static func enrollCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in codeAlphabet.randomElement(using: &generator)! }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// An enrollment code as typed, without dashes or spaces, upper-cased.
    package static func normalizedEnrollCode(_ code: String) -> String {
        code.uppercased().filter { $0 != "-" && $0 != " " }
    }

    /// SHA-256, hex.
    package static func hash(_ text: String) -> String { SHA256Hex.of(Array(text.utf8)) }
}
