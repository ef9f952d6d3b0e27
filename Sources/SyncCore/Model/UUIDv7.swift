public import Foundation

/// Time-ordered UUIDs (RFC 9562 version 7), made on the device with no coordination.
public enum UUIDv7 {
    /// A new lowercase UUIDv7 string whose first 48 bits are `millis` since the Unix epoch.
    public static func make(millis: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> String {
        // Two draws of 8 bytes: the system generator makes a system call for each draw, 16 for a byte at a time.
        var generator = SystemRandomNumberGenerator()
        let random = (generator.next() as UInt64, generator.next() as UInt64)
        return make(millis: millis, random: withUnsafeBytes(of: random) { Array($0) })
    }

    /// A new UUIDv7 drawing its random bits from `generator` (seeded generators make tests repeatable).
    public static func make(millis: Int64, using generator: inout some RandomNumberGenerator) -> String {
        make(millis: millis, random: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The UUIDv7 of `millis` with the version and variant bits over 16 random bytes.
    private static func make(millis: Int64, random: [UInt8]) -> String {
        var bytes = random
        let time = UInt64(max(0, millis))
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: time >> (8 * (5 - UInt64(index)))) }
        bytes[6] = (bytes[6] & 0x0f) | 0x70
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }

    /// True when `text` is a well-formed UUID of version 7.
    public static func isValid(_ text: String) -> Bool {
        guard let uuid = UUID(uuidString: text) else { return false }
        return uuid.uuid.6 >> 4 == 7
    }
}
