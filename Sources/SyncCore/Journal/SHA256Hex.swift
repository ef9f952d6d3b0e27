internal import Crypto

/// SHA-256 digests as lowercase hex, the form journals, secrets and backups store them in.
package enum SHA256Hex {
    package static func of(_ bytes: some Collection<UInt8>) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
