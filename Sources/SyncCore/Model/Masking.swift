/// Masks personal numbers for listings: the first 4 and last 4 characters stay, the rest become `*`
/// (`460102199003151234` → `4601**********1234`).
public enum Masking {
    public static func mask(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 8 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8) + String(characters.suffix(4))
    }
}
