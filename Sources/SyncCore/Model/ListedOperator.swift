/// An operator as listings show it: the canonical record with the ids that were registered for the same operator and
/// merged into it (a duplicate operator, DESIGN.md §4), so that every replica — server and devices — lists the same
/// operators. Encoded as the operator's own members plus `aliases`.
public struct ListedOperator: Codable, Hashable, Sendable {
    /// The operator kept.
    public var `operator`: Operator
    /// The ids merged into it, sorted.
    public var aliases: [String]

    public init(_ kept: Operator, aliases: [String] = []) {
        self.operator = kept
        self.aliases = aliases.sorted()
    }

    /// Each canonical operator, in the order given, with the aliases whose canonical id names it. An alias whose
    /// operator is not among `records` is listed on its own, so nothing disappears from a listing.
    public static func fold(_ records: [(record: Operator, canonicalId: String?)]) -> [ListedOperator] {
        let kept = Set(records.filter { $0.canonicalId == nil }.map(\.record.id))
        var aliases: [String: [String]] = [:]
        for (record, canonical) in records {
            if let canonical, kept.contains(canonical) { aliases[canonical, default: []].append(record.id) }
        }
        return records.compactMap { record, canonical in
            if let canonical, kept.contains(canonical) { return nil }
            return ListedOperator(record, aliases: aliases[record.id] ?? [])
        }
    }

    /// The listing with the operator's personal numbers masked.
    public var masked: ListedOperator { ListedOperator(self.operator.masked, aliases: aliases) }

    private enum Member: String, CodingKey { case aliases }

    public init(from decoder: any Decoder) throws {
        self.operator = try Operator(from: decoder)
        aliases = try decoder.container(keyedBy: Member.self).decodeIfPresent([String].self, forKey: .aliases) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        try self.operator.encode(to: encoder)
        var container = encoder.container(keyedBy: Member.self)
        try container.encode(aliases, forKey: .aliases)
    }
}
