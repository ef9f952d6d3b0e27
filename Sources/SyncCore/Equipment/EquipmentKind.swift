/// The kind of a special-equipment unit, as the first character of its use-registration number names it
/// (TSG 08-2017: 锅 boiler, 容 pressure vessel, 瓶 gas cylinder, 管 pressure piping, 梯 lift, 起 crane, 索 passenger
/// ropeway, 游 amusement ride, 车 site vehicle).
public enum EquipmentKind: String, Codable, Hashable, Sendable, CaseIterable {
    case boiler
    case pressureVessel = "pressure_vessel"
    case gasCylinder = "gas_cylinder"
    case pressurePiping = "pressure_piping"
    case lift
    case crane
    case passengerRopeway = "passenger_ropeway"
    case amusementRide = "amusement_ride"
    case siteVehicle = "site_vehicle"

    /// The kind a checked use-registration number names; nil for text that is not one.
    public init?(registrationNumber: String) {
        guard let first = registrationNumber.first,
              let kind = Self.allCases.first(where: { $0.character == first }) else { return nil }
        self = kind
    }

    /// The character a use-registration number starts with.
    public var character: Character {
        switch self {
        case .boiler: "锅"
        case .pressureVessel: "容"
        case .gasCylinder: "瓶"
        case .pressurePiping: "管"
        case .lift: "梯"
        case .crane: "起"
        case .passengerRopeway: "索"
        case .amusementRide: "游"
        case .siteVehicle: "车"
        }
    }

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .boiler: LocalizedText(zh: "锅炉", en: "boiler")
        case .pressureVessel: LocalizedText(zh: "压力容器", en: "pressure vessel")
        case .gasCylinder: LocalizedText(zh: "气瓶", en: "gas cylinder")
        case .pressurePiping: LocalizedText(zh: "压力管道", en: "pressure piping")
        case .lift: LocalizedText(zh: "电梯", en: "lift")
        case .crane: LocalizedText(zh: "起重机械", en: "crane")
        case .passengerRopeway: LocalizedText(zh: "客运索道", en: "passenger ropeway")
        case .amusementRide: LocalizedText(zh: "大型游乐设施", en: "amusement ride")
        case .siteVehicle: LocalizedText(zh: "场（厂）内专用机动车辆", en: "site vehicle")
        }
    }
}
