extension Masking {
    /// A mobile number with its first 3 and last 4 digits kept (`13812345678` → `138****5678`).
    public static func maskPhone(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
    }
}

extension Operator {
    /// The operator as listings show it to those who do not need the personal numbers: the ID card number
    /// (`4601**********1234`) and phone (`138****5678`) masked, everything else as it is.
    public var masked: Operator {
        var copy = self
        copy.idNumber = idNumber.map(Masking.mask)
        copy.phone = phone.map(Masking.maskPhone)
        return copy
    }
}
