public import SyncCore

/// A JSON document split for storage: the document with its personal values (`PersonalValues`) taken out, and
/// those values, each with the path it was taken from, exactly as sent (same JSON type, same text).
///
/// The taken values are what the store seals; the document is what its column keeps. Putting the values back at
/// their paths gives the original document byte for byte, so a journal entry's hash still verifies.
struct PersonalSplit: Equatable {
    /// What stands in a document where a string was taken out; any other value is replaced by null. Nothing reads it
    /// back: only the taken values' paths say what was taken.
    static let placeholder = "***"

    /// The document without its personal values: each replaced by a placeholder, and a member whose name is itself
    /// a personal number left out.
    let document: JSONValue
    /// The taken values, each `[path, value]`; a path is an array of member names (strings) and array positions
    /// (integers), in document order.
    let taken: [JSONValue]

    /// Splits `value`.
    init(_ value: JSONValue) {
        var taken: [JSONValue] = []
        document = Self.split(value, path: [], taken: &taken)
        self.taken = taken
    }

    private static func split(_ value: JSONValue, path: [JSONValue], taken: inout [JSONValue]) -> JSONValue {
        switch value {
        case .object(let members):
            var kept: [String: JSONValue] = [:]
            for name in members.keys.sorted() {
                let member = members[name]!, memberPath = path + [.string(name)]
                if PersonalValues.looksPersonal(name) {
                    taken.append(.array([.array(memberPath), member]))
                } else if PersonalValues.isPersonalName(name), member != .null {
                    taken.append(.array([.array(memberPath), member]))
                    kept[name] = placeholder(for: member)
                } else {
                    kept[name] = split(member, path: memberPath, taken: &taken)
                }
            }
            return .object(kept)
        case .array(let elements):
            return .array(elements.enumerated().map { index, element in
                split(element, path: path + [.integer(Int64(index))], taken: &taken)
            })
        default:
            guard PersonalValues.looksPersonal(value) else { return value }
            taken.append(.array([.array(path), value]))
            return placeholder(for: value)
        }
    }

    private static func placeholder(for value: JSONValue) -> JSONValue {
        if case .string = value { .string(placeholder) } else { .null }
    }

    /// `document` with each of `taken` put back at its path; nil when a path does not fit the document.
    static func joined(_ document: JSONValue, _ taken: JSONValue) -> JSONValue? {
        guard case .array(let pairs) = taken else { return nil }
        var joined = document
        for pair in pairs {
            guard case .array(let parts) = pair, parts.count == 2, case .array(let path) = parts[0],
                  let placed = setting(parts[1], at: path[...], in: joined) else { return nil }
            joined = placed
        }
        return joined
    }

    private static func setting(_ value: JSONValue, at path: ArraySlice<JSONValue>, in document: JSONValue) -> JSONValue? {
        guard let step = path.first else { return value }
        let rest = path.dropFirst()
        switch (document, step) {
        case (.object(var members), .string(let name)):
            if rest.isEmpty {
                members[name] = value
            } else {
                guard let inner = members[name], let placed = setting(value, at: rest, in: inner) else { return nil }
                members[name] = placed
            }
            return .object(members)
        case (.array(var elements), .integer(let position)):
            guard let index = Int(exactly: position), elements.indices.contains(index),
                  let placed = setting(value, at: rest, in: elements[index]) else { return nil }
            elements[index] = placed
            return .array(elements)
        default:
            return nil
        }
    }
}
