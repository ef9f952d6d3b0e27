/// What counts as a personal number in a JSON document a device or admin sends: the one definition the central store
/// seals by, whatever the value's type, key or the entry's verdict.
///
/// A value is personal when
/// - its member name, ignoring case, `_`, `-` and spaces, ends in a personal name (`idNumber`, `id_card`, `Phone`,
///   `mobile`, `tel`, …): the value is personal whatever its type (string, integer, object, …) except null; or
/// - it is a string or integer that looks like a resident ID number (17 digits then a digit or X, or 15 digits) or
///   a mainland mobile number (11 digits starting with 1, spaces, hyphens and a leading +86 allowed), wherever it is;
/// - a member whose name itself looks like such a number is personal, name and value.
package enum PersonalValues {
    /// Normalised member names (lower case, no `_`, `-` or spaces) whose values are personal; a name ending in one
    /// of them is personal too (`contactPhone`, `buyerMobile`, `legalRepresentativeIdNumber`).
    static let personalNames: [String] = [
        "idnumber", "idno", "idcard", "idcardno", "idcardnumber", "identitynumber", "identitycard", "residentid",
        "shenfenzheng", "sfz", "sfzh", "phone", "phoneno", "phonenumber", "mobile", "mobileno", "mobilenumber",
        "tel", "telno", "telephone", "cellphone",
    ]

    /// Whether the member `name`'s value is personal by its name.
    package static func isPersonalName(_ name: String) -> Bool {
        let normalised = String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
        return personalNames.contains { normalised.hasSuffix($0) }
    }

    /// Whether `value` looks like a personal number wherever it stands: a string or integer of the shape of a
    /// resident ID or mobile number.
    package static func looksPersonal(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): looksPersonal(text)
        case .integer(let number):
            // Without making its text: 11 digits starting with 1, or 15 or 18 digits.
            switch number.magnitude {
            case 10_000_000_000...19_999_999_999, 100_000_000_000_000...999_999_999_999_999,
                 100_000_000_000_000_000...999_999_999_999_999_999: true
            default: false
            }
        default: false
        }
    }

    /// `text` with every run in it shaped like a personal number masked (`138****5678`, `4601**********123X`): for
    /// messages that quote what a device sent, such as the reason an entry was rejected.
    static func masking(_ text: String) -> String {
        var masked = "", run = ""
        func flush() {
            let core = run.drop { $0 == " " || $0 == "-" }.reversed().drop { $0 == " " || $0 == "-" }.reversed()
            let number = String(core)
            if looksPersonal(number) {
                let digits = String(number.filter { $0 != " " && $0 != "-" })
                let start = run.prefix { $0 == " " || $0 == "-" }, end = String(run.dropFirst(start.count).dropFirst(number.count))
                masked += String(start) + (digits.count == 11 ? Masking.maskPhone(digits) : Masking.mask(digits)) + end
            } else {
                masked += run
            }
            run = ""
        }
        for character in text {
            if character.isASCIIDigit || "Xx +-".contains(character) {
                run.append(character)
            } else {
                flush()
                masked.append(character)
            }
        }
        flush()
        return masked
    }

    /// Whether `text` has the shape of a resident ID number or a mainland mobile number.
    package static func looksPersonal(_ text: String) -> Bool {
        guard (11...32).contains(text.utf8.count) else { return false }
        var compact = text.utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        if compact.starts(with: "+86".utf8) { compact.removeFirst(3) }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard let last = compact.last, compact.dropLast().allSatisfy(isDigit) else { return false }
        switch compact.count {
        case 11: return compact[0] == UInt8(ascii: "1") && isDigit(last)
        case 15: return isDigit(last)
        case 18: return isDigit(last) || last == UInt8(ascii: "X") || last == UInt8(ascii: "x")
        default: return false
        }
    }
}
