/// Masks personal numbers for listings.
public enum Masking {
    /// An ID card number or any other value with its first 4 and last 4 characters kept
    /// (`460102199003151234` → `4601**********1234`).
    public static func mask(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 8 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8) + String(characters.suffix(4))
    }

    /// A mobile number with its first 3 and last 4 digits kept (`13812345678` → `138****5678`).
    public static func maskPhone(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
    }
}
