import Foundation

/// Decodes a `Decodable` value straight from a `JSONValue`, with the results and errors (kinds and coding paths)
/// `JSONDecoder` gives for the value's canonical encoding, but without encoding it to bytes and parsing them again.
///
/// `Date`, `Data`, `URL` and `Decimal`, which `JSONDecoder` treats specially, are handed to `JSONDecoder`.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    /// Where a strict decode notes the members each object has and the ones asked for; nil for a plain decode.
    let ledger: MemberLedger?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey] = [], ledger: MemberLedger? = nil) {
        self.value = value
        self.codingPath = codingPath
        self.ledger = ledger
    }

    /// Decodes `type` from `value` at `path`.
    static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, path: [any CodingKey], ledger: MemberLedger? = nil
    ) throws -> T {
        if type == JSONValue.self, let same = value as? T { return same }
        if type == Date.self || type == Data.self || type == URL.self || type == Decimal.self {
            return try JSONDecoder().decode(type, from: value.canonicalData)
        }
        return try T(from: JSONValueDecoder(value, codingPath: path, ledger: ledger))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Self.mismatch([String: JSONValue].self, value, codingPath)
        }
        ledger?.opened(codingPath, members: members.keys)
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath, ledger: ledger))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw Self.mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath, ledger: ledger)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValue(value: value, codingPath: codingPath, ledger: ledger)
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "Cannot get \(type) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value.kindName) instead."))
    }

    /// A key for an array element, named as `JSONDecoder` names it.
    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}

extension JSONValueDecoder {
    /// Scalars as `JSONDecoder` reads them: strings from strings only, booleans from booleans only, numbers from
    /// integers that fit.
    struct SingleValue: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]
        let ledger: MemberLedger?

        func decodeNil() -> Bool { value == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let bool) = value else { throw JSONValueDecoder.mismatch(type, value, codingPath) }
            return bool
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let string) = value else { throw JSONValueDecoder.mismatch(type, value, codingPath) }
            return string
        }

        func decode(_ type: Double.Type) throws -> Double { Double(try integer(Int64.self)) }
        func decode(_ type: Float.Type) throws -> Float { Float(try integer(Int64.self)) }
        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, from: value, path: codingPath, ledger: ledger)
        }

        private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            guard case .integer(let number) = value else { throw JSONValueDecoder.mismatch(type, value, codingPath) }
            guard let fitting = T(exactly: number) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath, debugDescription: "Number \(number) is not representable in Swift."
                ))
            }
            return fitting
        }
    }

    /// An object's members.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let codingPath: [any CodingKey]
        let ledger: MemberLedger?

        var allKeys: [Key] {
            ledger?.askedAll(codingPath)
            return members.keys.compactMap { Key(stringValue: $0) }
        }

        func contains(_ key: Key) -> Bool {
            ledger?.asked(codingPath, key.stringValue)
            return members[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decode(type, from: try member(key), path: codingPath + [key], ledger: ledger)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(try member(key), codingPath: codingPath + [key], ledger: ledger).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(try member(key), codingPath: codingPath + [key], ledger: ledger).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONValueDecoder(.object(members), codingPath: codingPath, ledger: ledger)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            ledger?.asked(codingPath, key.stringValue)
            return JSONValueDecoder(members[key.stringValue] ?? .null, codingPath: codingPath + [key], ledger: ledger)
        }

        private func member(_ key: Key) throws -> JSONValue {
            ledger?.asked(codingPath, key.stringValue)
            guard let value = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(
                    codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."
                ))
            }
            return value
        }
    }

    /// An array's elements, in order.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let codingPath: [any CodingKey]
        let ledger: MemberLedger?
        private(set) var currentIndex = 0

        init(elements: [JSONValue], codingPath: [any CodingKey], ledger: MemberLedger?) {
            self.elements = elements
            self.codingPath = codingPath
            self.ledger = ledger
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        mutating func decodeNil() throws -> Bool {
            guard try next(Never?.self) == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoded = try JSONValueDecoder.decode(type, from: try next(type), path: elementPath, ledger: ledger)
            currentIndex += 1
            return decoded
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let container = try JSONValueDecoder(try next(type), codingPath: elementPath, ledger: ledger).container(keyedBy: type)
            currentIndex += 1
            return container
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let container = try JSONValueDecoder(try next([JSONValue].self), codingPath: elementPath, ledger: ledger)
                .unkeyedContainer()
            currentIndex += 1
            return container
        }

        mutating func superDecoder() throws -> any Decoder {
            let decoder = JSONValueDecoder(try next(JSONValue.self), codingPath: elementPath, ledger: ledger)
            currentIndex += 1
            return decoder
        }

        private var elementPath: [any CodingKey] { codingPath + [JSONValueDecoder.IndexKey(intValue: currentIndex)] }

        private func next(_ type: Any.Type) throws -> JSONValue {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(
                    codingPath: elementPath, debugDescription: "Unkeyed container is at end."
                ))
            }
            return elements[currentIndex]
        }
    }
}

extension JSONValue {
    /// What kind of JSON value this is, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}
