/// An industry's rules as data, loaded from `MasterData/industries/<industry>.json` (see
/// ``IndustryProfile/decode(_:file:)``): the kinds of node it has, the identifiers it uses, the events it allows and
/// what each event requires.
public struct IndustryProfile: Sendable, Hashable {
    /// The industry, e.g. ``Industry/drug``.
    public let industry: Industry
    /// Its name, e.g. 药品 / drugs.
    public let name: LocalizedText
    /// The units its quantities are counted in, the first the default, e.g. `box`.
    public let units: [String]
    /// Its kinds of node, e.g. `pharmacy`, `hospital`.
    public let nodeKinds: [NodeKindProfile]
    /// The identifiers it uses and who carries each.
    public let identifiers: [IdentifierUse]
    /// The events it allows, each with its requirements.
    public let events: [EventRule]

    public init(industry: Industry, name: LocalizedText, units: [String], nodeKinds: [NodeKindProfile],
                identifiers: [IdentifierUse], events: [EventRule]) {
        self.industry = industry
        self.name = name
        self.units = units
        self.nodeKinds = nodeKinds
        self.identifiers = identifiers
        self.events = events
    }
}

/// A kind of node in an industry, with its name for people.
public struct NodeKindProfile: Sendable, Hashable {
    /// The kind as nodes store it, e.g. `farm_input_shop`.
    public let kind: String
    /// Its name, e.g. 农资店 / farm-input shop.
    public let label: LocalizedText

    public init(kind: String, label: LocalizedText) {
        self.kind = kind
        self.label = label
    }
}

/// One identifier an industry uses: its kind, who carries it, and whether every holder must have one.
public struct IdentifierUse: Sendable, Hashable {
    public let kind: IdentifierKind
    /// A ``IdentifierHolder/declarable`` holder.
    public let holder: IdentifierHolder
    /// Whether each product (item, unit, node) of the industry must carry it.
    public let required: Bool

    public init(kind: IdentifierKind, holder: IdentifierHolder, required: Bool) {
        self.kind = kind
        self.holder = holder
        self.required = required
    }
}
