/// An exact non-negative-or-negative decimal with a fixed number of fraction digits, stored as an integer.
///
/// Quantities (3 digits: grams of a kilogram) and prices (2 digits: fen of a yuan) must add up exactly and
/// encode the same way on every platform, so they are never floating point. They travel as decimal strings
/// with trailing zeros trimmed (`"1250.5"`).
public struct FixedDecimal<Scale: DecimalScale>: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The value in units of 10^-digits.
    public let units: Int64

    public init(units: Int64) { self.units = units }

    /// Parses `"12"`, `"12.5"`, `"0.125"`; nil for anything else or more fraction digits than the scale has.
    public init?(_ text: String) {
        let parts = text.trimmingSpaces.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let whole = Int64(parts[0]), whole < 1_000_000_000_000 else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= Scale.digits, parts.count == 1 || !fraction.isEmpty else { return nil }
        let padded = fraction + String(repeating: "0", count: Scale.digits - fraction.count)
        units = whole * Scale.factor + (Int64(padded) ?? 0)
    }

    public static var zero: Self { Self(units: 0) }

    public var description: String {
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(Scale.factor)
        var fraction = String(magnitude % UInt64(Scale.factor))
        fraction = String(repeating: "0", count: Scale.digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(units: lhs.units + rhs.units) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(units: lhs.units - rhs.units) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.units < rhs.units }
}

extension FixedDecimal: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a decimal with at most \(Scale.digits) fraction digits"
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How many fraction digits a `FixedDecimal` keeps.
public protocol DecimalScale: Sendable {
    static var digits: Int { get }
}

extension DecimalScale {
    static var factor: Int64 { (0..<digits).reduce(1) { value, _ in value * 10 } }
}

/// Three fraction digits.
public enum Thousandths: DecimalScale { public static let digits = 3 }
/// Two fraction digits.
public enum Hundredths: DecimalScale { public static let digits = 2 }

/// A quantity of goods in the batch's unit, to the gram of a kilogram.
public typealias Quantity = FixedDecimal<Thousandths>
/// A unit price in yuan, to the fen.
public typealias Price = FixedDecimal<Hundredths>
