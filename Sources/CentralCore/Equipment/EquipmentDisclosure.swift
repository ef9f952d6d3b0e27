public import SyncCore

/// The allow-list (`Disclosure`) of a special-equipment unit's life events, per audience.
///
/// The consumer, standing in a lift, sees what its inspection sticker says: the unit's code and use-registration
/// number, when it was inspected, whether it passed and when it is next due. Never the using company, the address,
/// the inspection agency or report, nor what a repair or decommissioning note says: the exchange feed (the
/// regulator's systems) sees those; EPCIS sees the codes, the result and the agency, not the free-text notes.
public enum EquipmentDisclosure {
    /// The payload members of a `step` event that `audience` may see.
    public static func members(_ step: EquipmentStep, for audience: Audience) -> Set<String> {
        switch (audience, step) {
        case (.exchange, _):
            ["equipmentCode", "node", "registrationNumber", "user", "location", "passed", "nextDue", "agency",
             "reportNumber", "note", "time"]
        case (.epcis, .registration): ["equipmentCode", "node", "registrationNumber", "time"]
        case (.epcis, .inspection): ["equipmentCode", "node", "passed", "nextDue", "agency", "reportNumber", "time"]
        case (.epcis, .installation), (.epcis, .repair), (.epcis, .decommissioning): ["equipmentCode", "node", "time"]
        case (.consumer, .registration): ["equipmentCode", "registrationNumber", "time"]
        case (.consumer, .inspection): ["equipmentCode", "passed", "nextDue", "time"]
        case (.consumer, .installation), (.consumer, .repair), (.consumer, .decommissioning): ["equipmentCode", "time"]
        }
    }
}
