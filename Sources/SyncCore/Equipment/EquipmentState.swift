/// A special-equipment unit as its merged life events make it: derived, like `BatchState`, from the events alone,
/// so every replica that holds the same events shows the same unit. No balance: a unit is one thing.
public struct EquipmentState: Hashable, Sendable {
    /// The last inspection by business time (the later recorded on a tie).
    public struct LastInspection: Hashable, Sendable {
        public let eventId: String
        public let time: Int64
        public let passed: Bool
        /// `YYYY-MM-DD`; nil for a failed inspection that set none.
        public let nextDue: String?
    }

    public let code: String
    public let node: String
    /// From the registration number; nil while no registration is merged.
    public let kind: EquipmentKind?
    public let registrationNumber: String?
    public let user: String?
    public let registeredAt: Int64?
    public let location: String?
    public let installedAt: Int64?
    public let lastInspection: LastInspection?
    public let lastRepairAt: Int64?
    /// The earliest decommissioning's time and event.
    public let decommissionedAt: Int64?
    public let decommissionEventId: String?
    /// Life events recorded after the decommissioning (by business time, then HLC): recorded and flagged.
    public let lateEventIds: [String]
    /// How many events the unit has.
    public let eventCount: Int

    /// The unit `code` from its events (any order); nil when none of them is one of its life events.
    public static func derive(code: String, events: [RecordedEvent]) -> EquipmentState? {
        let steps = events.compactMap { event -> (RecordedEvent, EquipmentStep, EquipmentEvent)? in
            guard case .equipment(let step, let body) = event.body, body.equipmentCode == code else { return nil }
            return (event, step, body)
        }.sorted { ($0.2.time, $0.0.hlc) < ($1.2.time, $1.0.hlc) }
        guard let first = steps.first else { return nil }
        var registration: EquipmentEvent?, registeredAt: Int64?, installation: EquipmentEvent?, repairAt: Int64?
        var inspection: LastInspection?, decommission: (event: RecordedEvent, time: Int64)?
        var late: [String] = []
        for (event, step, body) in steps {
            if decommission != nil, step != .decommissioning { late.append(event.id) }
            switch step {
            case .registration: (registration, registeredAt) = (body, body.time)
            case .installation: installation = body
            case .inspection:
                inspection = LastInspection(eventId: event.id, time: body.time, passed: body.passed ?? false,
                                            nextDue: body.nextDue)
            case .repair: repairAt = body.time
            case .decommissioning: if decommission == nil { decommission = (event, body.time) }
            }
        }
        let number = registration?.registrationNumber
        return EquipmentState(
            code: code, node: registration?.node ?? first.2.node, kind: number.flatMap(EquipmentKind.init(registrationNumber:)),
            registrationNumber: number, user: registration?.user, registeredAt: registeredAt,
            location: installation?.location, installedAt: installation?.time, lastInspection: inspection,
            lastRepairAt: repairAt, decommissionedAt: decommission?.time, decommissionEventId: decommission?.event.id,
            lateEventIds: late, eventCount: steps.count
        )
    }

    /// Where the unit stands on `day` (`YYYY-MM-DD`, China Standard Time).
    public func status(on day: String) -> EquipmentStatus {
        EquipmentStatus(decommissioned: decommissionedAt != nil, lastPassed: lastInspection?.passed,
                        nextDue: lastInspection?.nextDue, on: day)
    }
}
