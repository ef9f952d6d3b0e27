import Foundation
import SyncCore

/// How the checks write numbers into evidence: at most two decimals, no trailing zeros, `∞` for infinity.
enum SupervisionFormat {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value < 0 ? "-∞" : "∞" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A quantity in its unit as a plain number.
    static func double(_ quantity: Quantity) -> Double { Double(quantity.units) / 1_000 }
}
