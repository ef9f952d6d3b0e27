/// What an industry allows for one kind of event: the identifiers it requires on record and the fields it records.
public struct EventRule: Sendable, Hashable {
    /// The event kind.
    public let kind: IndustryEventKind
    /// The certificates and licences the event requires, e.g. a hazardous-goods sale the buyer's licence.
    public let requires: [Requirement]
    /// The fields the event records, e.g. the carrier and vehicle.
    public let records: [RecordedField]

    public init(kind: IndustryEventKind, requires: [Requirement] = [], records: [RecordedField] = []) {
        self.kind = kind
        self.requires = requires
        self.records = records
    }
}

/// One identifier an event requires: which kind, held by whom, and when.
public struct Requirement: Sendable, Hashable {
    /// The identifier required, e.g. ``IdentifierKind/hazardousChemicalsLicence``.
    public let identifier: IdentifierKind
    /// Who must hold it, e.g. ``IdentifierHolder/buyer``.
    public let of: IdentifierHolder
    /// When it applies.
    public let when: RequirementCondition

    public init(identifier: IdentifierKind, of: IdentifierHolder, when: RequirementCondition = .always) {
        self.identifier = identifier
        self.of = of
        self.when = when
    }
}

/// When a requirement applies.
public enum RequirementCondition: String, Sendable, Hashable, CaseIterable, Codable {
    /// To every event of its kind.
    case always
    /// Only when the product is restricted (限制使用农药, 剧毒化学品 …).
    case restrictedProduct = "restricted_product"
}
