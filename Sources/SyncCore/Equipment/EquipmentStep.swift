/// A step in the life of a special-equipment unit (特种设备), each a journal event kind of its own.
public enum EquipmentStep: String, Codable, Hashable, Sendable, CaseIterable {
    /// 使用登记: the unit registered for use, with its use-registration certificate number.
    case registration
    /// 安装: the unit installed at its place of use.
    case installation
    /// 定期检验: a periodic inspection, its result and the next due date.
    case inspection
    /// 维修: a repair or major maintenance.
    case repair
    /// 报废: the unit taken out of use for good.
    case decommissioning

    /// The journal's event kind of the step.
    public var eventKind: EventKind {
        switch self {
        case .registration: .equipmentRegistration
        case .installation: .equipmentInstallation
        case .inspection: .equipmentInspection
        case .repair: .equipmentRepair
        case .decommissioning: .equipmentDecommissioning
        }
    }

    /// The step an event kind records; nil for the kinds that are not a unit's life.
    public init?(_ kind: EventKind) {
        guard let step = Self.allCases.first(where: { $0.eventKind == kind }) else { return nil }
        self = step
    }

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .registration: LocalizedText(zh: "使用登记", en: "registration")
        case .installation: LocalizedText(zh: "安装", en: "installation")
        case .inspection: LocalizedText(zh: "定期检验", en: "periodic inspection")
        case .repair: LocalizedText(zh: "维修", en: "repair")
        case .decommissioning: LocalizedText(zh: "报废", en: "decommissioning")
        }
    }
}
