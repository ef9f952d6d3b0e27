public import SyncCore

/// A batch quantity as an EPCIS `quantityElement`: a whole number with a UN/ECE Recommendation 20 unit code.
///
/// Quantities are exact decimals (3 fraction digits) and `JSONValue` carries integers only, so each unit maps to a
/// ladder of Rec 20 codes and the largest one in which the quantity is whole is used: 120 kg is `120 KGM`, 12.5 kg
/// is `12500 GRM`; 2 t is `2 TNE`, 1.25 t is `1250 KGM`. Head, piece and box counts are `H87` (piece). Nothing is
/// rounded: a quantity no code expresses exactly (a fractional head count, an unknown unit) leaves the element
/// with its `epcClass` only, and the event carries the exact text in `ts:quantity` and `ts:unit`.
enum EPCISQuantity {
    /// A quantity in a Rec 20 unit.
    struct Measure: Hashable {
        let value: Int64
        let uom: String
    }

    /// The Rec 20 codes for `unit`, largest first, with the number of our thousandths in one of each.
    static func ladder(for unit: String) -> [(uom: String, thousandths: Int64)] {
        switch unit {
        case "kg": [("KGM", 1_000), ("GRM", 1)]
        case "t": [("TNE", 1_000), ("KGM", 1)]
        case "head", "piece", "box": [("H87", 1_000)]
        default: []
        }
    }

    /// `quantity` of `unit` as a whole number of the largest fitting Rec 20 unit; nil when none fits exactly.
    static func measure(_ quantity: Quantity, unit: String) -> Measure? {
        ladder(for: unit).first { quantity.units % $0.thousandths == 0 }.map {
            Measure(value: quantity.units / $0.thousandths, uom: $0.uom)
        }
    }

    /// The `quantityElement` for `quantity` of `unit` of lot `epcClass`; without a quantity when `quantity` is nil
    /// (the event is about the whole lot) or no Rec 20 unit expresses it exactly.
    static func element(_ epcClass: String, _ quantity: Quantity?, unit: String) -> JSONValue {
        var members: [String: JSONValue] = ["epcClass": .string(epcClass)]
        if let quantity, let measure = measure(quantity, unit: unit) {
            members["quantity"] = .integer(measure.value)
            members["uom"] = .string(measure.uom)
        }
        return .object(members)
    }

    /// The extension members that keep `quantity` exact when no Rec 20 unit expresses it; empty otherwise.
    static func fallback(_ quantity: Quantity, unit: String) -> [String: JSONValue] {
        guard measure(quantity, unit: unit) == nil else { return [:] }
        return [
            EPCISIdentifiers.term("quantity"): .string(quantity.description),
            EPCISIdentifiers.term("unit"): .string(unit),
        ]
    }
}
