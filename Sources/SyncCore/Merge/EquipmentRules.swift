/// The merge of a special-equipment unit's life events (pure, like `MergeRules`): what is refused, the unit as
/// the event leaves it, and the conflict an event after the unit's decommissioning opens. Such an event is never
/// refused: the device could not know, so it stands and an admin looks (DESIGN.md §4).
enum EquipmentRules {
    /// The unit's state with the event merged, and the findings it raises.
    struct Outcome {
        let after: EquipmentState
        let findings: [ConflictFinding]
    }

    /// Refuses an event a device may not record: a unit of another node, or an event its step cannot record.
    static func check(_ step: EquipmentStep, _ body: EquipmentEvent, deviceNode: String, inputs: MergeInputs) throws {
        guard body.node == deviceNode else { throw Refusal.outOfScope(body.node) }
        if let unit = inputs.equipmentState(body.equipmentCode), unit.node != deviceNode {
            throw Refusal.outOfScope(unit.node)
        }
        try body.check(as: step)
    }

    /// The unit after `event` (one of its life events), with a finding when the event is recorded after the
    /// unit's decommissioning or is a decommissioning that leaves events already merged after it.
    static func merge(_ event: RecordedEvent, _ step: EquipmentStep, _ body: EquipmentEvent,
                      inputs: MergeInputs) -> Outcome {
        let merged = inputs.equipment[body.equipmentCode] ?? []
        let events = merged + [event]
        let after = EquipmentState.derive(code: body.equipmentCode, events: events)!
        let raises = after.lateEventIds.contains(event.id)
            || (step == .decommissioning && after.decommissionEventId == event.id && !after.lateEventIds.isEmpty)
        guard raises, let decommissioned = after.decommissionEventId else { return Outcome(after: after, findings: []) }
        let byId = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = ([decommissioned] + after.lateEventIds).compactMap { id -> CandidateRef? in
            guard let candidate = byId[id], case .equipment(let s, let b) = candidate.body else { return nil }
            return CandidateRef(eventId: id, value: "\(s.rawValue) \(BusinessTime.iso(b.time))")
        }
        let finding = ConflictFinding(
            kind: .decommissionedInUse, subject: subject(body.equipmentCode), batchCode: nil,
            target: decommissioned, field: nil, candidates: candidates
        )
        return Outcome(after: after, findings: [finding])
    }

    /// The conflict subject of unit `code`'s events after its decommissioning.
    static func subject(_ code: String) -> String { "decommissioned:\(code)" }
}
