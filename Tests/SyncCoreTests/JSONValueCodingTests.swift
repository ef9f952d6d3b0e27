import Foundation
import Testing
@testable import SyncCore
import TestSupport

/// `JSONValue` encodes and decodes typed values without going through bytes; what it gives must be what
/// `JSONEncoder` and `JSONDecoder` give through bytes, errors included, since refusals name the field from them.
@Suite("JSONValue typed coding")
struct JSONValueCodingTests {
    static let batch = MergeSamples.code(1)

    static let bodies: [EventBody] = [
        MergeSamples.receipt(batch, certificate: MergeSamples.quarantineCert),
        MergeSamples.receipt(batch),
        MergeSamples.sale(batch, child: MergeSamples.code(2), quantity: 30),
        MergeSamples.inspection(batch, passed: false),
        MergeSamples.disposal(batch, quantity: 2),
        MergeSamples.correction(batch, target: "0190a0b1-0000-7000-8000-000000000001", ["supplier": "海南\"澄迈\"\n合作社"], versionSeen: 2),
        MergeSamples.voiding(batch, target: "0190a0b1-0000-7000-8000-000000000001"),
        MergeSamples.registration("OP-46010001-009"),
        MergeSamples.registration("OP-46010001-010", creditCode: nil),
        .release(Release(batchCode: batch, lifts: ["0190a0b1-0000-7000-8000-000000000001"], retests: [], note: "复检合格",
                         time: marketMorning)),
        .packing(Packing(batchCode: batch, container: MergeSamples.code(9), level: .case,
                         contents: ["81462350000123450017", "81462350000123450024"], time: marketMorning)),
        .unpacking(Unpacking(batchCode: batch, container: MergeSamples.code(9), contents: ["81462350000123450017"],
                             time: marketMorning)),
    ]

    /// The JSON value of `value` the slow way: `JSONEncoder` bytes parsed again.
    static func throughBytes(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(JSONEncoder().encode(value))
    }

    @Test(arguments: bodies)
    func aBodyEncodesAndDecodesAsThroughBytes(_ body: EventBody) throws {
        let direct: JSONValue
        let slow: JSONValue
        switch body {
        case .receipt(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .inspection(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .sale(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .disposal(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .correction(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .voiding(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .operatorRegistration(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .release(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .packing(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .unpacking(let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        case .equipment(_, let value): (direct, slow) = (try JSONValue(encoding: value), try Self.throughBytes(value))
        }
        #expect(direct == slow)
        let payload = try body.payload(id: "event-1")
        let decoded = try EventBody.decode(kind: body.kind, payload: payload)
        #expect(decoded.id == "event-1")
        #expect(decoded.body == body)
    }

    @Test func nestedValuesAndNullsEncodeAsThroughBytes() throws {
        let text = LocalizedText(zh: "已接收", en: "applied")
        let value: [String: [LocalizedText?]] = ["a": [text, nil], "b": []]
        #expect(try JSONValue(encoding: value) == Self.throughBytes(value))
        #expect(try JSONValue(encoding: value).decode([String: [LocalizedText?]].self) == value)
        #expect(try JSONValue(encoding: JSONValue.object(["x": .array([.null, .integer(-1)])]))
            == .object(["x": .array([.null, .integer(-1)])]))
    }

    /// A sale payload with one member replaced (nil: removed).
    static func sale(_ member: String, _ replacement: JSONValue?) throws -> JSONValue {
        guard case .object(var members) = try MergeSamples.sale(batch, child: MergeSamples.code(2), quantity: 3)
            .payload(id: "event-1") else { throw CancellationError() }
        members[member] = replacement
        return .object(members)
    }

    static let malformed: [(String, JSONValue?)] = [
        ("quantity", nil), ("quantity", .null), ("quantity", .integer(3)), ("time", .string("today")),
        ("batchCode", .bool(true)), ("buyerName", .array([])), ("time", .null), ("childCode", .object([:])),
    ]

    @Test(arguments: malformed)
    func aDecodingErrorIsTheOneJSONDecoderGives(_ member: String, _ replacement: JSONValue?) throws {
        let payload = try Self.sale(member, replacement)
        let slow = Self.failure { try JSONDecoder().decode(Sale.self, from: payload.canonicalData) }
        let direct = Self.failure { try payload.decode(Sale.self) }
        #expect(direct != nil)
        #expect(direct == slow)
    }

    @Test func anArrayElementErrorNamesItsIndex() {
        let value = JSONValue.array([.string("a"), .integer(2)])
        let slow = Self.failure { try JSONDecoder().decode([String].self, from: value.canonicalData) }
        let direct = Self.failure { try value.decode([String].self) }
        #expect(direct == slow)
        #expect(direct?.path == ["Index 1"])
    }

    /// The kind of decoding error `body` throws and the coding path it names, nil when it throws none.
    struct Failure: Equatable {
        let kind: String
        let path: [String]
    }

    static func failure<T>(_ body: () throws -> T) -> Failure? {
        do {
            _ = try body()
            return nil
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let context):
                return Failure(kind: "keyNotFound", path: (context.codingPath + [key]).map(\.stringValue))
            case .typeMismatch(_, let context):
                return Failure(kind: "typeMismatch", path: context.codingPath.map(\.stringValue))
            case .valueNotFound(_, let context):
                return Failure(kind: "valueNotFound", path: context.codingPath.map(\.stringValue))
            case .dataCorrupted(let context):
                return Failure(kind: "dataCorrupted", path: context.codingPath.map(\.stringValue))
            @unknown default:
                return Failure(kind: "unknown", path: [])
            }
        } catch {
            return Failure(kind: "\(type(of: error))", path: [])
        }
    }
}
