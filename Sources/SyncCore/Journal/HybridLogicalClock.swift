/// A hybrid logical clock value: wall milliseconds, a counter, and the device that made it. Totally ordered.
///
/// Its text form `WWWWWWWWWWWWWWW-CCCCCC-DEVICE` (15-digit milliseconds, 6-digit counter) sorts as the values do.
public struct HLCTimestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let wallMillis: Int64
    public let counter: Int
    public let deviceId: String

    public init(wallMillis: Int64, counter: Int, deviceId: String) {
        self.wallMillis = wallMillis
        self.counter = counter
        self.deviceId = deviceId
    }

    /// Parses the text form.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 2)
        guard parts.count == 3, parts[0].count == 15, parts[1].count == 6,
              let wall = Int64(parts[0]), let counter = Int(parts[1]) else { return nil }
        self.init(wallMillis: wall, counter: counter, deviceId: String(parts[2]))
    }

    public var description: String {
        let wall = String(wallMillis), count = String(counter)
        return String(repeating: "0", count: max(0, 15 - wall.count)) + wall + "-"
            + String(repeating: "0", count: max(0, 6 - count.count)) + count + "-" + deviceId
    }

    public static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool {
        (lhs.wallMillis, lhs.counter, lhs.deviceId) < (rhs.wallMillis, rhs.counter, rhs.deviceId)
    }
}

extension HLCTimestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = HLCTimestamp(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a hybrid logical clock value")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The hybrid logical clock of Kulkarni et al.: it follows the wall clock when it can, never goes backwards
/// when the wall clock does, and moves past every value it has seen from other devices, so causality holds
/// even when device clocks are days wrong.
public struct HybridLogicalClock: Sendable {
    public let deviceId: String
    /// The last value issued or observed.
    public private(set) var last: HLCTimestamp?

    public init(deviceId: String, last: HLCTimestamp? = nil) {
        self.deviceId = deviceId
        self.last = last
    }

    /// A new value for a local event, later than every value issued or observed so far.
    public mutating func tick(wallMillis now: Int64) -> HLCTimestamp {
        let previousWall = last?.wallMillis ?? Int64.min
        let next = now > previousWall
            ? HLCTimestamp(wallMillis: now, counter: 0, deviceId: deviceId)
            : HLCTimestamp(wallMillis: previousWall, counter: (last?.counter ?? 0) + 1, deviceId: deviceId)
        last = next
        return next
    }

    /// Moves the clock past a value received from another device.
    public mutating func observe(_ remote: HLCTimestamp, wallMillis now: Int64) {
        let wall = max(now, remote.wallMillis, last?.wallMillis ?? Int64.min)
        var counter = 0
        if wall == remote.wallMillis { counter = max(counter, remote.counter) }
        if let last, wall == last.wallMillis { counter = max(counter, last.counter) }
        last = HLCTimestamp(wallMillis: wall, counter: counter, deviceId: deviceId)
    }
}
