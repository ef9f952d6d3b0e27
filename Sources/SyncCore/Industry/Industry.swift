/// One of the regulated industries whose goods are traced (国办发〔2015〕95号 and, for Hainan, 琼府办〔2016〕242号 name
/// six: edible farm products, food, drugs, major farm inputs, special equipment, hazardous goods). An industry is
/// data: its rules come from its ``IndustryProfile``, so a seventh needs a profile file, not a new case here.
public struct Industry: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The industry's identifier in profiles, products and the journal, e.g. `drug`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// 食用农产品: meat, vegetables, fruit and aquatic products, traded by the batch at markets.
    public static let edibleFarmProduct = Self(rawValue: "edible_farm_product")
    /// 食品: processed food.
    public static let food = Self(rawValue: "food")
    /// 药品: drugs, traced to the item by the national drug trace code.
    public static let drug = Self(rawValue: "drug")
    /// 农业生产资料: the major farm inputs, pesticides, veterinary drugs, fertilisers and seeds.
    public static let farmInput = Self(rawValue: "farm_input")
    /// 特种设备: boilers, pressure vessels, lifts, cranes …, each a registered unit with a life.
    public static let specialEquipment = Self(rawValue: "special_equipment")
    /// 危险品: hazardous goods, such as LPG, fuels and industrial chemicals.
    public static let hazardousGoods = Self(rawValue: "hazardous_goods")

    /// The six industries of the province's plan.
    public static let provincialPlan: [Self] = [
        .edibleFarmProduct, .food, .drug, .farmInput, .specialEquipment, .hazardousGoods,
    ]
}
