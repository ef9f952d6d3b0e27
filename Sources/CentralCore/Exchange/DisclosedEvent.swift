public import SyncCore

/// The members of one event that an audience may see (`Disclosure.disclose`), with typed readers for the views
/// built from them. A member the allow-list keeps back reads as nil.
public struct DisclosedEvent: Hashable, Sendable {
    /// What the event records.
    public let kind: EventKind
    /// The payload members shown, by name.
    public let members: [String: JSONValue]

    /// The members as one JSON object, as the feed sends them.
    public var object: JSONValue { .object(members) }

    /// A text member.
    public func text(_ name: String) -> String? {
        guard case .string(let value)? = members[name] else { return nil }
        return value
    }

    /// An integer member, e.g. a business time.
    public func integer(_ name: String) -> Int64? {
        guard case .integer(let value)? = members[name] else { return nil }
        return value
    }

    /// A true/false member.
    public func bool(_ name: String) -> Bool? {
        guard case .bool(let value)? = members[name] else { return nil }
        return value
    }

    /// A quantity member (sent as a decimal string).
    public func quantity(_ name: String) -> Quantity? { text(name).flatMap { Quantity($0) } }

    /// A trace code member.
    public func code(_ name: String) -> TraceCode? { text(name).flatMap { try? TraceCode(parsing: $0) } }

    /// The business time, milliseconds since the Unix epoch.
    public var time: Int64? { integer("time") }
}
