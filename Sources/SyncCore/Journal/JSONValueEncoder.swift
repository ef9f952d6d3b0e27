import Foundation

/// Encodes an `Encodable` value straight into a `JSONValue`, giving what parsing `JSONEncoder`'s output would give,
/// without writing the bytes and parsing them again.
///
/// `Date`, `Data`, `URL` and `Decimal`, which `JSONEncoder` treats specially, are handed to `JSONEncoder`. Like
/// `JSONValue` itself, it refuses numbers that are not whole or do not fit in 64 bits.
struct JSONValueEncoder: Encoder {
    /// A value under construction: containers handed out earlier keep writing into it.
    final class Slot {
        var value: JSONValue?
        var members: [String: Slot]?
        var elements: [Slot]?

        /// The finished value; a value that asked for no container at all encodes as an empty object.
        var resolved: JSONValue {
            if let value { return value }
            if let elements { return .array(elements.map(\.resolved)) }
            return .object((members ?? [:]).mapValues(\.resolved))
        }
    }

    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` at `path` into `slot`.
    static func encode<T: Encodable>(_ value: T, into slot: Slot, path: [any CodingKey]) throws {
        if T.self == JSONValue.self, let json = value as? JSONValue {
            slot.value = json
        } else if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            slot.value = try JSONValue.parse(JSONEncoder().encode(value))
        } else {
            try value.encode(to: JSONValueEncoder(slot: slot, codingPath: path))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.members == nil { slot.members = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(slot: slot, codingPath: codingPath) }

    static func integer<T: BinaryInteger>(_ number: T, _ path: [any CodingKey]) throws -> JSONValue {
        guard let fitting = Int64(exactly: number) else {
            throw EncodingError.invalidValue(number, .init(codingPath: path, debugDescription: "\(number) does not fit in 64 bits."))
        }
        return .integer(fitting)
    }

    static func whole<T: BinaryFloatingPoint>(_ number: T, _ path: [any CodingKey]) throws -> JSONValue {
        guard let fitting = Int64(exactly: number) else {
            throw EncodingError.invalidValue(number, .init(
                codingPath: path, debugDescription: "\(number) is not a whole number; send decimals as strings."
            ))
        }
        return .integer(fitting)
    }
}

extension JSONValueEncoder {
    /// One value.
    struct SingleValue: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        func encodeNil() { slot.value = .null }
        func encode(_ value: Bool) { slot.value = .bool(value) }
        func encode(_ value: String) { slot.value = .string(value) }
        func encode(_ value: Double) throws { slot.value = try JSONValueEncoder.whole(value, codingPath) }
        func encode(_ value: Float) throws { slot.value = try JSONValueEncoder.whole(value, codingPath) }
        func encode(_ value: Int) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: Int8) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: Int16) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: Int32) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: Int64) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: UInt) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: UInt8) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: UInt16) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: UInt32) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }
        func encode(_ value: UInt64) throws { slot.value = try JSONValueEncoder.integer(value, codingPath) }

        func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.encode(value, into: slot, path: codingPath)
        }
    }

    /// An object's members; a key encoded twice keeps its last value, as with `JSONEncoder`.
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        func encodeNil(forKey key: Key) { child(key).value = .null }

        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONValueEncoder.encode(value, into: child(key), path: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            JSONValueEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            JSONValueEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superEncoder() -> any Encoder {
            JSONValueEncoder(slot: child(named: "super"), codingPath: codingPath)
        }

        func superEncoder(forKey key: Key) -> any Encoder {
            JSONValueEncoder(slot: child(key), codingPath: codingPath + [key])
        }

        private func child(_ key: Key) -> Slot { child(named: key.stringValue) }

        private func child(named name: String) -> Slot {
            let child = Slot()
            slot.members![name] = child
            return child
        }
    }

    /// An array's elements, in order.
    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        var count: Int { slot.elements!.count }

        func encodeNil() { append().value = .null }

        func encode<T: Encodable>(_ value: T) throws {
            let path = elementPath
            try JSONValueEncoder.encode(value, into: append(), path: path)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let path = elementPath
            return JSONValueEncoder(slot: append(), codingPath: path).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = elementPath
            return JSONValueEncoder(slot: append(), codingPath: path).unkeyedContainer()
        }

        func superEncoder() -> any Encoder {
            let path = elementPath
            return JSONValueEncoder(slot: append(), codingPath: path)
        }

        private var elementPath: [any CodingKey] { codingPath + [JSONValueDecoder.IndexKey(intValue: count)] }

        private func append() -> Slot {
            let child = Slot()
            slot.elements!.append(child)
            return child
        }
    }
}
