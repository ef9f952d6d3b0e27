import Testing
@testable import SyncCore
import TestSupport

@Suite("Canonical encoding (RFC 8785)")
struct CanonicalEncodingTests {
    /// Members given out of order; "😀" (UTF-16 D83D DE00) sorts before "ｚ" (FF5A) by UTF-16 code units, though
    /// after it by code points.
    static let members: [(String, JSONValue)] = [
        ("zeta", .integer(-42)),
        ("名称", .string("猪肉（白条）")),
        ("ｚ", .string("/")),
        ("alpha", .object(["b": .array([.integer(1), .bool(true), .null, .string("x"), .array([])]), "a": .object([:])])),
        ("ctrl", .string("tab\there\nnew\u{01}\u{1F}\u{7F}\"q\"\\\u{08}\u{0C}\r")),
        ("😀", .string("smile")),
        ("n", .integer(1_795_471_200_000)),
        ("Alpha", .bool(false)),
        ("", .string("")),
    ]

    /// Written by hand from RFC 8785: no whitespace, members sorted by UTF-16 code units, UTF-8 text unescaped,
    /// only `"` `\` and U+0000–U+001F escaped (short forms where JSON has them, else `\u00xx` in lowercase hex),
    /// U+007F and `/` left as they are.
    static let expected =
        #"{"":"","Alpha":false,"alpha":{"a":{},"b":[1,true,null,"x",[]]},"ctrl":"tab\there\nnew\u0001\u001f\#u{7F}\"q\"\\\b\f\r","n":1795471200000,"zeta":-42,"名称":"猪肉（白条）","😀":"smile","ｚ":"/"}"#

    static func object(insertionOrder order: [Int], capacity: Int = 0) -> JSONValue {
        var dictionary: [String: JSONValue] = [:]
        dictionary.reserveCapacity(capacity)
        for index in order { dictionary[members[index].0] = members[index].1 }
        return .object(dictionary)
    }

    @Test func aFixedObjectEncodesToExactlyTheExpectedBytes() {
        let value = Self.object(insertionOrder: Array(Self.members.indices))
        #expect(value.canonicalString == Self.expected)
        #expect(value.canonicalBytes == Array(Self.expected.utf8))
    }

    @Test func theEncodingDoesNotDependOnInsertionOrder() {
        var generator = SeededGenerator(seed: 8_785)
        let reference = Self.object(insertionOrder: Array(Self.members.indices)).canonicalBytes
        for round in 0..<200 {
            let order = Array(Self.members.indices).shuffled(using: &generator)
            let value = Self.object(insertionOrder: order, capacity: round % 4 == 0 ? 64 : round)
            #expect(value.canonicalBytes == reference, "insertion order \(order)")
        }
    }

    @Test func theEncodingParsesBackToTheSameValue() throws {
        let value = Self.object(insertionOrder: Array(Self.members.indices))
        #expect(try JSONValue.parse(value.canonicalString) == value)
    }

    @Test(arguments: [("0", JSONValue.integer(0)), ("1", .integer(1)), ("true", .bool(true)), ("false", .bool(false)),
                      ("-9007199254740993", .integer(-9_007_199_254_740_993)), ("\"1\"", .string("1")), ("null", .null)])
    func parsingKeepsEachScalarItsOwnType(text: String, value: JSONValue) throws {
        #expect(try JSONValue.parse(text) == value)
        #expect(value.canonicalString == text)
    }

    @Test(arguments: ["1.5", "1.0e-3", "[0.1]", "{\"a\":2.5}"])
    func fractionalNumbersAreRefused(text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(text) }
    }

    // MARK: - Journal entry hash

    static let deviceId = "0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e"

    static let salePayload = JSONValue.object([
        "time": .integer(1_795_986_720_000),
        "quantity": .string("12.5"),
        "eventId": .string("0190f5c2-8000-7000-8000-000000000001"),
        "price": .string("18.6"),
        "childCode": .string("460100010012611240000253"),
        "buyerName": .string("王老板 \"阿强\"\n"),
        "batchCode": .string("460100010012611240000156"),
    ])

    static func entry() -> JournalEntry {
        JournalEntry(
            deviceId: deviceId, seq: 7, hlc: HLCTimestamp(wallMillis: 1_795_986_720_000, counter: 3, deviceId: deviceId),
            wallTime: 1_795_986_000_123, author: "符永清", kind: .sale, payload: salePayload,
            prev: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        )
    }

    /// The hash input written by hand; its SHA-256 was computed from this text with Python's hashlib.
    static let expectedHashInput =
        #"{"author":"符永清","deviceId":"0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e","hlc":"001795986720000-000003-0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e","kind":"sale","payload":{"batchCode":"460100010012611240000156","buyerName":"王老板 \"阿强\"\n","childCode":"460100010012611240000253","eventId":"0190f5c2-8000-7000-8000-000000000001","price":"18.6","quantity":"12.5","time":1795986720000},"prev":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","seq":7,"v":1,"wallTime":1795986000123}"#

    @Test func aJournalEntryHashesItsCanonicalEncoding() {
        let entry = Self.entry()
        let input = JournalEntry.hashInput(
            deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime, author: entry.author,
            kind: entry.kind, payload: entry.payload, prev: entry.prev
        )
        #expect(input == Array(Self.expectedHashInput.utf8))
        #expect(entry.hash == "c01e867d83b1f9c0aa07275a2f67b8ed2b12281df6b2da72438e8562e77c531b")
        #expect(entry.expectedHash == entry.hash)
    }

    @Test func aSaleEncodesItsPayloadUnderTheDocumentedNames() throws {
        let sale = Sale(
            batchCode: try TraceCode(parsing: "460100010012611240000156"),
            childCode: try TraceCode(parsing: "460100010012611240000253"),
            buyerOperatorId: nil, buyerName: "王老板 \"阿强\"\n", quantity: try #require(Quantity("12.50")),
            price: Price("18.60"), time: 1_795_986_720_000
        )
        let payload = try EventBody.sale(sale).payload(id: "0190f5c2-8000-7000-8000-000000000001")
        #expect(payload == Self.salePayload)
        let decoded = try EventBody.decode(kind: .sale, payload: payload)
        #expect(decoded.id == "0190f5c2-8000-7000-8000-000000000001")
        #expect(decoded.body == .sale(sale))
    }

    @Test func changingAnyFieldChangesTheHash() {
        let entry = Self.entry()
        let variants = [
            JournalEntry(deviceId: entry.deviceId, seq: 8, hlc: entry.hlc, wallTime: entry.wallTime, author: entry.author,
                         kind: entry.kind, payload: entry.payload, prev: entry.prev),
            JournalEntry(deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime + 1,
                         author: entry.author, kind: entry.kind, payload: entry.payload, prev: entry.prev),
            JournalEntry(deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime,
                         author: "符永清 ", kind: entry.kind, payload: entry.payload, prev: entry.prev),
            JournalEntry(deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime,
                         author: entry.author, kind: .disposal, payload: entry.payload, prev: entry.prev),
            JournalEntry(deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime,
                         author: entry.author, kind: entry.kind, payload: .object([:]), prev: entry.prev),
            JournalEntry(deviceId: entry.deviceId, seq: entry.seq, hlc: entry.hlc, wallTime: entry.wallTime,
                         author: entry.author, kind: entry.kind, payload: entry.payload, prev: JournalEntry.genesis),
        ]
        #expect(Set(variants.map(\.hash) + [entry.hash]).count == variants.count + 1)
    }
}
