extension IndustryProfile {
    /// The rule for events of `kind`, or nil if the industry does not allow them.
    public func rule(for kind: IndustryEventKind) -> EventRule? {
        events.first { $0.kind == kind }
    }

    /// The identifiers declared on `holder`, e.g. a product's approval number.
    public func identifiers(on holder: IdentifierHolder) -> [IdentifierUse] {
        identifiers.filter { $0.holder == holder }
    }

    /// Whether `kind` is one of the industry's node kinds.
    public func hasNodeKind(_ kind: String) -> Bool {
        nodeKinds.contains { $0.kind == kind }
    }

    /// Checks `value` as an identifier of `kind` the industry uses, returning it as stored.
    /// - Throws: `TraceSyncError` `unknown_identifier` if the industry does not use `kind`, else the validator's.
    public func validate(_ kind: IdentifierKind, _ value: String, field: String? = nil) throws -> String {
        guard identifiers.contains(where: { $0.kind == kind }) else {
            let used = identifiers.map(\.kind.rawValue).joined(separator: ", ")
            throw TraceSyncError(
                .unknownIdentifier, field: field ?? kind.rawValue,
                zh: "\(name.zh)行业不使用\(kind.label.zh)（\(kind.rawValue)）；本行业的标识：\(used)。",
                en: "the \(name.en) industry does not use the \(kind.label.en) (\(kind.rawValue)); its identifiers: \(used)."
            )
        }
        return try kind.validate(value, field: field)
    }
}
