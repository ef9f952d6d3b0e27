/// A trace code: 24 digits printed on every receipt and typed by consumers.
///
/// Layout (see README, "Trace codes"):
///
///     NNNNNNNN DDD YYMMDD SSSSS CC
///     node     device date serial check
///
/// - node: the 8-digit node code (first 4 digits of the city's GB/T 2260 code + a 4-digit serial);
/// - device: the device's number within its node, 001–999;
/// - date: the business date in China Standard Time;
/// - serial: the device's serial for that date, 00001–99999;
/// - check: ISO 7064 MOD 97-10 over the first 22 digits, which catches every single-digit error and every swap
///   of two adjacent digits.
///
/// Codes are made offline without coordination: node + device number are unique province-wide, and each device
/// never repeats a (date, serial) pair.
public struct TraceCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 24 digits.
    public let digits: String

    /// The number of digits in a code.
    public static let length = 24

    /// Makes the code for a device's serial on a date.
    public static func make(node: String, deviceNumber: Int, date: String, serial: Int) -> TraceCode {
        precondition(node.count == 8 && node.allSatisfy(\.isASCIIDigit), "node code must be 8 digits")
        precondition((1...999).contains(deviceNumber) && (1...99_999).contains(serial))
        precondition(date.count == 6 && date.allSatisfy(\.isASCIIDigit))
        let body = node + pad(deviceNumber, 3) + date + pad(serial, 5)
        return TraceCode(trusted: body + checkDigits(for: body))
    }

    /// Parses typed or scanned input, ignoring spaces and dashes and reading full-width digits (`４６０１`) as digits.
    /// - Throws: `TraceSyncError` with code `trace_code_format` or `trace_code_check`.
    public init(parsing input: String, field: String = "code") throws {
        // A code as stored and sent (24 ASCII digits, in every payload a device pulls) needs no compacting.
        let digits = Self.isPlain(input) ? input : Self.compacted(input)
        guard Self.isPlain(digits) else {
            throw TraceSyncError(
                .traceCodeFormat, field: field,
                zh: "追溯码格式错误：应为 24 位数字，收到「\(input)」。请核对收据上的追溯码。",
                en: "trace code must be 24 digits, got \"\(input)\". Check the code on the receipt."
            )
        }
        guard Self.mod97(digits) == 1 else {
            throw TraceSyncError(
                .traceCodeCheck, field: field,
                zh: "追溯码校验位错误：「\(input)」中有数字输错或前后颠倒，请重新核对输入。",
                en: "trace code check digits do not match: \"\(input)\" has a mistyped or swapped digit; check it again."
            )
        }
        self.digits = digits
    }

    private init(trusted digits: String) { self.digits = digits }

    /// True when `input` looks like one of this system's codes (24 digits once spaces and dashes are removed).
    public static func hasOwnFormat(_ input: String) -> Bool {
        let digits = compacted(input)
        return digits.count == length && digits.allSatisfy(\.isASCIIDigit)
    }

    /// `input` as typed, pasted or scanned, reduced to what a code is made of: full-width digits (U+FF10–FF19) read
    /// as ASCII digits, and the separators people put between groups removed (spaces of any width, tabs, and ASCII,
    /// full-width and Unicode hyphens and dashes). Any other character is kept, for the format check to name.
    public static func compacted(_ input: String) -> String {
        var result = ""
        for scalar in input.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x2D, 0xFF0D, 0x2010...0x2015, 0x2212: continue
            default:
                if scalar.properties.isWhitespace { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The node code the code was issued at.
    public var node: String { String(digits.prefix(8)) }
    /// The issuing device's number within its node.
    public var deviceNumber: Int { Int(slice(8, 3))! }
    /// The business date, `YYMMDD`.
    public var date: String { slice(11, 6) }
    /// The device's serial for that date.
    public var serial: Int { Int(slice(17, 5))! }

    /// The code in groups of four digits, as printed on receipts.
    public var grouped: String {
        stride(from: 0, to: digits.count, by: 4).map { slice($0, 4) }.joined(separator: " ")
    }

    public var description: String { digits }

    public static func < (lhs: TraceCode, rhs: TraceCode) -> Bool { lhs.digits < rhs.digits }

    /// The two ISO 7064 MOD 97-10 check digits for `body`.
    static func checkDigits(for body: String) -> String {
        pad(98 - mod97(body + "00"), 2)
    }

    private static func mod97(_ digits: String) -> Int {
        digits.utf8.reduce(0) { ($0 * 10 + Int($1 - 48)) % 97 }
    }

    /// True for exactly `length` ASCII digits (read as bytes, not as characters).
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    private func slice(_ start: Int, _ count: Int) -> String {
        let from = digits.index(digits.startIndex, offsetBy: start)
        return String(digits[from..<digits.index(from, offsetBy: count)])
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension TraceCode: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}

extension Character {
    /// True for the ASCII digits 0–9 only (not other Unicode digits).
    package var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}
