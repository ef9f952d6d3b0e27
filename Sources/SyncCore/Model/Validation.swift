/// Refusals shared by every place that checks input.
public enum Validation {
    /// A quantity that is not a positive number with at most 3 decimals.
    public static func badQuantity(_ value: String, field: String = "quantity") -> TraceSyncError {
        TraceSyncError(
            .badQuantity, field: field,
            zh: "数量「\(value)」无效：请输入大于 0 的数字，最多三位小数，例如 120.5。",
            en: "quantity \"\(value)\" is not valid: enter a number greater than 0 with at most 3 decimals, e.g. 120.5."
        )
    }

    /// Parses a positive quantity.
    public static func quantity(_ value: String, field: String = "quantity") throws -> Quantity {
        guard let quantity = Quantity(value), quantity > .zero else { throw badQuantity(value, field: field) }
        return quantity
    }

    /// Refuses an empty required text.
    public static func required(_ value: String?, field: String, zh: String, en: String) throws -> String {
        guard let value = value?.trimmingSpaces, !value.isEmpty else {
            throw TraceSyncError(.missingField, field: field, zh: "缺少\(zh)（\(field)）。", en: "\(en) (\(field)) is required.")
        }
        return value
    }
}
