public import SyncCore

/// A special-equipment unit's life in EPCIS: each step an `ObjectEvent` of the one unit, named by its 特种设备代码
/// as an instance (`EPCISIdentifiers.equipment`), with the CBV step of its life. Read from what the EPCIS
/// allow-list (`EquipmentDisclosure`) shows.
extension EPCISDocument {
    /// 使用登记 → ADD `commissioning` (the unit enters the record, its registration number in `ilmd`); 安装 →
    /// OBSERVE `installing`; 定期检验 → OBSERVE `inspecting`, `conformant` or `non_conformant` with the next due
    /// date; 维修 → OBSERVE `repairing`; 报废 → DELETE `decommissioning`, `inactive`.
    static func equipment(_ fields: DisclosedEvent, _ exported: ExportedEvent) -> [String: JSONValue] {
        guard let step = EquipmentStep(exported.kind) else { return [:] }
        let unit = JSONValue.array([.string(EPCISIdentifiers.equipment(fields.text("equipmentCode") ?? ""))])
        var members: [String: JSONValue] = [
            "type": .string("ObjectEvent"),
            "epcList": unit,
            "bizLocation": .object(["id": .string(EPCISIdentifiers.node(exported.node))]),
        ]
        switch step {
        case .registration:
            members["action"] = .string("ADD")
            members["bizStep"] = .string("commissioning")
            members["disposition"] = .string("active")
            var ilmd: [String: JSONValue] = [:]
            if let number = fields.text("registrationNumber") {
                ilmd[EPCISIdentifiers.term("registrationNumber")] = .string(number)
                if let kind = EquipmentKind(registrationNumber: number) {
                    ilmd[EPCISIdentifiers.term("equipmentKind")] = .string(kind.rawValue)
                }
            }
            members["ilmd"] = .object(ilmd)
        case .installation:
            members["action"] = .string("OBSERVE")
            members["bizStep"] = .string("installing")
            members["disposition"] = .string("active")
        case .inspection:
            let passed = fields.bool("passed") ?? false
            members["action"] = .string("OBSERVE")
            members["bizStep"] = .string("inspecting")
            members["disposition"] = .string(passed ? "conformant" : "non_conformant")
            members[EPCISIdentifiers.term("result")] = .string(passed ? "pass" : "fail")
            for name in ["nextDue", "agency", "reportNumber"] {
                members[EPCISIdentifiers.term(name)] = fields.text(name).map(JSONValue.string)
            }
        case .repair:
            members["action"] = .string("OBSERVE")
            members["bizStep"] = .string("repairing")
            members["disposition"] = .string("active")
        case .decommissioning:
            members["action"] = .string("DELETE")
            members["bizStep"] = .string("decommissioning")
            members["disposition"] = .string("inactive")
            members["bizLocation"] = nil
        }
        return members
    }
}
