import SyncCore

extension JSONValue {
    /// The text of a string value (test helper for reading EPCIS documents).
    var epcisText: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The elements of an array value.
    var epcisItems: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    /// The events of an EPCIS document, in order.
    var epcisEvents: [JSONValue] { self["epcisBody"]?["eventList"]?.epcisItems ?? [] }

    /// This value without member `key` (for breaking a document on purpose).
    func epcisRemoving(_ key: String) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = nil
        return .object(members)
    }
}
