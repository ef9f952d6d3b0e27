public import Foundation

/// The canonical encoding that journal hashes are computed over.
///
/// It follows RFC 8785 (JSON Canonicalization Scheme) for the values `JSONValue` allows: no whitespace; object
/// members sorted by the UTF-16 code units of their keys; integers in plain decimal; strings in UTF-8 with only
/// `"` `\` and U+0000–U+001F escaped (`\b \t \n \f \r` by name, the rest as `\u00xx` in lowercase hex).
/// It depends on no platform formatter, so it is byte-for-byte the same on every machine and every run.
extension JSONValue {
    /// The canonical UTF-8 bytes.
    public var canonicalBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return output
    }

    /// The canonical encoding as `Data`.
    public var canonicalData: Data { Data(canonicalBytes) }

    /// The canonical encoding as a string.
    public var canonicalString: String { String(decoding: canonicalBytes, as: UTF8.self) }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .integer(let value): output += Array(String(value).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted(by: Self.utf16Precedes)
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Orders keys by their UTF-16 code units without transcoding: UTF-8 bytes order the same, except a character
    /// of U+E000–U+FFFF against one above U+FFFF (first bytes 0xEE and up), which falls back to UTF-16.
    private static func utf16Precedes(_ left: String, _ right: String) -> Bool {
        var leftBytes = left.utf8.makeIterator(), rightBytes = right.utf8.makeIterator()
        while true {
            switch (leftBytes.next(), rightBytes.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (leftByte?, rightByte?) where leftByte == rightByte: continue
            case let (leftByte?, rightByte?) where leftByte < 0xEE && rightByte < 0xEE: return leftByte < rightByte
            default: return left.utf16.lexicographicallyPrecedes(right.utf16)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        let hex = hexDigits
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x00..<0x20:
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
