
/// One entry of a device's change journal (DESIGN.md §2).
public struct JournalEntry: Codable, Hashable, Sendable {
    public let deviceId: String
    /// 1, 2, 3 … with no gaps.
    public let seq: Int64
    public let hlc: HLCTimestamp
    /// The device's wall clock when the entry was written, milliseconds since the Unix epoch.
    public let wallTime: Int64
    /// The inspector who recorded it.
    public let author: String
    public let kind: EventKind
    public let payload: JSONValue
    /// The previous entry's hash; 64 zeros for the first.
    public let prev: String
    /// SHA-256 of `hashInput`, lowercase hex.
    public private(set) var hash: String

    /// The `prev` of a journal's first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Makes an entry, computing its hash.
    public init(
        deviceId: String, seq: Int64, hlc: HLCTimestamp, wallTime: Int64, author: String,
        kind: EventKind, payload: JSONValue, prev: String
    ) {
        self.init(deviceId: deviceId, seq: seq, hlc: hlc, wallTime: wallTime, author: author, kind: kind,
                  payload: payload, prev: prev, hash: "")
        self.hash = expectedHash
    }

    /// An entry with the hash it claims, as received or stored; `expectedHash` tells whether it is genuine.
    public init(
        deviceId: String, seq: Int64, hlc: HLCTimestamp, wallTime: Int64, author: String,
        kind: EventKind, payload: JSONValue, prev: String, hash: String
    ) {
        self.deviceId = deviceId
        self.seq = seq
        self.hlc = hlc
        self.wallTime = wallTime
        self.author = author
        self.kind = kind
        self.payload = payload
        self.prev = prev
        self.hash = hash
    }

    /// The hash the entry's content implies; differs from `hash` when anything was altered.
    public var expectedHash: String {
        SHA256Hex.of(Self.hashInput(
            deviceId: deviceId, seq: seq, hlc: hlc, wallTime: wallTime, author: author,
            kind: kind, payload: payload, prev: prev
        ))
    }

    /// The canonical encoding the hash is taken over: every field but `hash`, as a canonical JSON object
    /// (`JSONValue.canonicalBytes`) with `"v": 1` naming this version of the format.
    static func hashInput(
        deviceId: String, seq: Int64, hlc: HLCTimestamp, wallTime: Int64, author: String,
        kind: EventKind, payload: JSONValue, prev: String
    ) -> [UInt8] {
        JSONValue.object([
            "v": .integer(1),
            "deviceId": .string(deviceId),
            "seq": .integer(seq),
            "hlc": .string(hlc.description),
            "wallTime": .integer(wallTime),
            "author": .string(author),
            "kind": .string(kind.rawValue),
            "payload": payload,
            "prev": .string(prev),
        ]).canonicalBytes
    }
}
