internal import Crypto

/// SHA-256 digests as lowercase hex, the form journals, secrets and backups store them in.
enum SHA256Hex {
    static func of(_ bytes: some Collection<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
