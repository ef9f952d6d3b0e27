public import CentralCore
public import SyncCore

/// What a push reads and writes of special-equipment units.
extension SQLitePushTransaction {
    /// The merged life events of the units `codes` names, oldest HLC first, by unit.
    func equipmentEvents(_ codes: Set<String>) throws -> [String: [RecordedEvent]] {
        var events: [String: [RecordedEvent]] = [:]
        for row in try rows(
            """
            SELECT ev.id, ev.kind, ev.hlc, ev.author, ev.body, ev.sealed, q.equipment_code FROM equipment_events q
            JOIN events ev ON ev.id = q.event_id WHERE q.equipment_code IN
            """,
            codes, orderBy: "ev.hlc"
        ) {
            events[try row.text("equipment_code"), default: []].append(try store.recordedEvent(row))
        }
        return events
    }

    /// Names `eventId` one of unit `state.code`'s events and writes the unit's row as `state` makes it.
    func saveEquipment(_ state: EquipmentState, eventId: String) throws {
        try database.run("INSERT OR IGNORE INTO equipment_events (event_id, equipment_code) VALUES (?, ?)",
                         eventId, state.code)
        let inspection = state.lastInspection
        try database.run(
            """
            INSERT OR REPLACE INTO equipment_units (code, node, kind, registration_number, user_name, location,
                registered_at, installed_at, last_inspected_at, last_passed, next_due, last_repair_at,
                decommissioned_at, late_events, event_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            state.code, state.node, state.kind?.rawValue, state.registrationNumber, state.user, state.location,
            state.registeredAt, state.installedAt, inspection?.time, inspection.map { $0.passed ? 1 : 0 },
            inspection?.nextDue, state.lastRepairAt, state.decommissionedAt, state.lateEventIds.count,
            state.eventCount
        )
    }
}
