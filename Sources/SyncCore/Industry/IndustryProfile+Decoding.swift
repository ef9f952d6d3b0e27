public import Foundation

extension IndustryProfile {
    /// Decodes the profile file named `file` (e.g. `drug.json`, whose industry must then be `drug`), refusing any
    /// identifier kind, holder, event kind, condition or recorded field the code does not know, duplicates, and a
    /// requirement naming an identifier the profile does not declare.
    /// - Throws: `TraceSyncError` `bad_industry_profile` naming the file and the member at fault.
    public static func decode(_ data: Data, file: String) throws -> IndustryProfile {
        let refusal = IndustryProfileRefusal(file: file)
        let raw: IndustryProfileFile
        do {
            raw = try JSONDecoder().decode(IndustryProfileFile.self, from: data)
        } catch let error as DecodingError {
            throw refusal.undecodable(error)
        }
        return try IndustryProfileReader(refusal: refusal).profile(raw, file: file)
    }
}

/// Turns a decoded file into a profile, one member at a time.
private struct IndustryProfileReader {
    let refusal: IndustryProfileRefusal

    func profile(_ raw: IndustryProfileFile, file: String) throws -> IndustryProfile {
        try checkName(raw.industry, member: "industry")
        if file.hasSuffix(".json"), String(file.dropLast(5)) != raw.industry {
            throw refusal.invalid("industry", zh: "「\(raw.industry)」与文件名不一致，应为 \(file.dropLast(5))。",
                                  en: "\"\(raw.industry)\" does not match the file's name; expected \(file.dropLast(5)).")
        }
        try checkText(raw.name.zh, member: "name.zh")
        try checkText(raw.name.en, member: "name.en")
        guard !raw.units.isEmpty else {
            throw refusal.invalid("units", zh: "至少需要一个计量单位。", en: "at least one unit is needed.")
        }
        let identifiers = try raw.identifiers.enumerated().map { try identifier($1, member: "identifiers[\($0)]") }
        try checkUnique(identifiers.map(\.kind.rawValue), member: "identifiers")
        let declared = Set(identifiers.map(\.kind))
        let events = try raw.events.enumerated().map { try event($1, member: "events[\($0)]", declared: declared) }
        try checkUnique(events.map(\.kind.rawValue), member: "events")
        guard !raw.nodeKinds.isEmpty else {
            throw refusal.invalid("nodeKinds", zh: "至少需要一种节点类型。", en: "at least one node kind is needed.")
        }
        let nodeKinds = try raw.nodeKinds.enumerated().map { index, kind in
            try checkName(kind.kind, member: "nodeKinds[\(index)].kind")
            try checkText(kind.zh, member: "nodeKinds[\(index)].zh")
            try checkText(kind.en, member: "nodeKinds[\(index)].en")
            return NodeKindProfile(kind: kind.kind, label: LocalizedText(zh: kind.zh, en: kind.en))
        }
        try checkUnique(nodeKinds.map(\.kind), member: "nodeKinds")
        return IndustryProfile(industry: Industry(rawValue: raw.industry),
                               name: LocalizedText(zh: raw.name.zh, en: raw.name.en), units: raw.units,
                               nodeKinds: nodeKinds, identifiers: identifiers, events: events)
    }

    func identifier(_ raw: IndustryProfileFile.Identifier, member: String) throws -> IdentifierUse {
        let kind = try known(IdentifierKind.self, raw.kind, member: member + ".kind",
                             what: LocalizedText(zh: "标识类型", en: "identifier kind"))
        let holder = try known(IdentifierHolder.self, raw.holder, member: member + ".holder",
                               what: LocalizedText(zh: "标识持有者", en: "identifier holder"),
                               among: IdentifierHolder.allCases.filter(IdentifierHolder.declarable.contains))
        return IdentifierUse(kind: kind, holder: holder, required: raw.required ?? false)
    }

    func event(_ raw: IndustryProfileFile.Event, member: String, declared: Set<IdentifierKind>) throws -> EventRule {
        let kind = try known(IndustryEventKind.self, raw.kind, member: member + ".kind",
                             what: LocalizedText(zh: "事件类型", en: "event kind"))
        let requires = try (raw.requires ?? []).enumerated().map { index, requirement in
            let path = "\(member).requires[\(index)]"
            let identifier = try known(IdentifierKind.self, requirement.identifier, member: path + ".identifier",
                                       what: LocalizedText(zh: "标识类型", en: "identifier kind"))
            guard declared.contains(identifier) else {
                throw refusal.invalid(path + ".identifier",
                                      zh: "「\(identifier.rawValue)」未在 identifiers 中声明。",
                                      en: "\"\(identifier.rawValue)\" is not declared in identifiers.")
            }
            let holder = try known(IdentifierHolder.self, requirement.of, member: path + ".of",
                                   what: LocalizedText(zh: "标识持有者", en: "identifier holder"))
            let condition = try known(RequirementCondition.self, requirement.when ?? "always", member: path + ".when",
                                      what: LocalizedText(zh: "适用条件", en: "condition"))
            return Requirement(identifier: identifier, of: holder, when: condition)
        }
        let records = try (raw.records ?? []).enumerated().map { index, field in
            try known(RecordedField.self, field, member: "\(member).records[\(index)]",
                      what: LocalizedText(zh: "记录字段", en: "recorded field"))
        }
        try checkUnique(records.map(\.rawValue), member: member + ".records")
        return EventRule(kind: kind, requires: requires, records: records)
    }

    func known<Kind: RawRepresentable & CaseIterable>(
        _ type: Kind.Type, _ value: String, member: String, what: LocalizedText, among: [Kind]? = nil
    ) throws -> Kind where Kind.RawValue == String, Kind: Equatable {
        let allowed = among ?? Array(Kind.allCases)
        guard let kind = Kind(rawValue: value), allowed.contains(kind) else {
            throw refusal.unknown(member, value: value, what: what, known: allowed.map(\.rawValue))
        }
        return kind
    }

    /// A name in profiles and the journal: lower-case ASCII letters, digits and `_`, starting with a letter.
    func checkName(_ name: String, member: String) throws {
        guard let first = name.first, first.isASCII, first.isLowercase,
              name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw refusal.invalid(member, zh: "「\(name)」应为小写字母、数字和下划线，以字母开头。",
                                  en: "\"\(name)\" must be lower-case letters, digits and _, starting with a letter.")
        }
    }

    func checkText(_ text: String, member: String) throws {
        guard !text.trimmingSpaces.isEmpty else {
            throw refusal.invalid(member, zh: "不能为空。", en: "must not be empty.")
        }
    }

    func checkUnique(_ values: [String], member: String) throws {
        var seen = Set<String>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            throw refusal.invalid("\(member)[\(index)]", zh: "「\(value)」重复。", en: "\"\(value)\" is listed twice.")
        }
    }
}
