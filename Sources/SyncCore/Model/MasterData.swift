/// A GB/T 2260 administrative division.
public struct Region: Codable, Hashable, Sendable {
    public let code: String
    public let name: String
    public let nameEn: String
    public let parent: String?
    public let level: String
}

/// A product traded at markets, with its industry category and default unit.
public struct Product: Codable, Hashable, Sendable {
    public let code: String
    public let name: String
    public let nameEn: String
    /// One of the six regulated industries, e.g. `edible_farm_product`.
    public let industry: String
    /// A finer category, e.g. `pork`, `leafy_vegetable`.
    public let category: String
    /// The default unit, e.g. `kg`.
    public let unit: String
    /// A restricted product (限制使用农药, 剧毒化学品, fireworks …): its industry's profile may require the buyer's
    /// licence for a sale (`RequirementCondition.restrictedProduct`). Absent means not restricted.
    public var restricted: Bool? = nil

    /// Whether the product is restricted.
    public var isRestricted: Bool { restricted == true }
}

/// A place where batches are traded or handled: a wholesale market, slaughterhouse, farmers' market …
public struct Node: Codable, Hashable, Sendable {
    /// 8 digits: the first 4 digits of the city's GB/T 2260 code and a 4-digit serial.
    public let code: String
    public let name: String
    public let nameEn: String
    public let kind: String
    /// The GB/T 2260 code of the node's district or county.
    public let region: String
    /// The market office's public phone number, shown to consumers (a food-safety hold tells them to call it);
    /// never an operator's or a person's own number.
    public let phone: String?
    /// The node's street address, shown to consumers.
    public let address: String?

    public init(code: String, name: String, nameEn: String, kind: String, region: String,
                phone: String? = nil, address: String? = nil) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.region = region
        self.phone = phone
        self.address = address
    }
}

/// Whether an operator is a registered organisation or a private person.
public enum OperatorKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A company, individual business or cooperative, with a unified social credit code.
    case organisation
    /// A private person, who may have no credit code.
    case individual

    /// The kind, for people.
    public var label: LocalizedText {
        switch self {
        case .organisation: LocalizedText(zh: "企业/个体工商户", en: "organisation")
        case .individual: LocalizedText(zh: "个人", en: "individual")
        }
    }
}

/// A stall holder or company trading at a node.
public struct Operator: Codable, Hashable, Sendable {
    public var id: String
    public var node: String
    public var name: String
    public var kind: OperatorKind
    /// The 18-character unified social credit code; required for organisations.
    public var creditCode: String?
    public var legalRepresentative: String?
    /// A private person's resident ID number: sensitive, never shown in public views.
    public var idNumber: String?
    /// A private person's phone number: sensitive, never shown in public views.
    public var phone: String?
    public var stall: String?
    /// The licences on record for the operator (农药经营许可证, 危险化学品经营许可证 …); absent when none.
    public var licences: [Licence]?

    public init(
        id: String, node: String, name: String, kind: OperatorKind, creditCode: String? = nil,
        legalRepresentative: String? = nil, idNumber: String? = nil, phone: String? = nil, stall: String? = nil,
        licences: [Licence]? = nil
    ) {
        self.id = id
        self.node = node
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.legalRepresentative = legalRepresentative
        self.idNumber = idNumber
        self.phone = phone
        self.stall = stall
        self.licences = licences
    }
}
