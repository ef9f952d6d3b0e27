public import CentralCore
public import SyncCore

/// Reading special-equipment units: the admins' list (overdue inspections first of all) and one unit by code.
extension CentralStore {
    /// The units `filter` selects, with their status on its day (today in China Standard Time when it names
    /// none): overdue ones by due date, oldest first, the rest by code.
    public func equipmentUnits(_ filter: EquipmentFilter = EquipmentFilter()) throws -> [EquipmentUnit] {
        let day = filter.asOf ?? BusinessTime.dayOf(clock())
        let rows = try database.query(
            """
            SELECT * FROM equipment_units WHERE (?1 IS NULL OR node = ?1)
            AND (?2 = 0 OR (decommissioned_at IS NULL AND next_due IS NOT NULL AND next_due < ?3))
            ORDER BY CASE WHEN decommissioned_at IS NULL AND next_due < ?3 THEN 0 ELSE 1 END, next_due, code
            """,
            filter.node, filter.overdue ? 1 : 0, day
        )
        return try rows.map { try equipmentUnit($0, asOf: day) }
    }

    /// Unit `code` with its status on `asOf` (today when nil); nil when the store holds none of its events.
    public func equipmentUnit(_ code: String, asOf: String? = nil) throws -> EquipmentUnit? {
        try database.row("SELECT * FROM equipment_units WHERE code = ?", code).map {
            try equipmentUnit($0, asOf: asOf ?? BusinessTime.dayOf(clock()))
        }
    }

    /// The merged life events of unit `code`, by business time then HLC.
    public func equipmentEvents(_ code: String) throws -> [RecordedEvent] {
        try database.query(
            """
            SELECT ev.id, ev.kind, ev.hlc, ev.author, ev.body, ev.sealed FROM equipment_events q
            JOIN events ev ON ev.id = q.event_id WHERE q.equipment_code = ? ORDER BY ev.time, ev.hlc
            """,
            code
        ).map(recordedEvent)
    }

    /// How many units of each node are overdue on `asOf` (today when nil), for the console's overview.
    public func overdueEquipmentCounts(asOf: String? = nil) throws -> [String: Int] {
        let day = asOf ?? BusinessTime.dayOf(clock())
        var counts: [String: Int] = [:]
        for row in try database.query(
            """
            SELECT node, count(*) AS n FROM equipment_units
            WHERE decommissioned_at IS NULL AND next_due IS NOT NULL AND next_due < ? GROUP BY node
            """,
            day
        ) {
            counts[try row.text("node")] = Int(try row.integer("n"))
        }
        return counts
    }

    private func equipmentUnit(_ row: Row, asOf: String) throws -> EquipmentUnit {
        EquipmentUnit(
            code: try row.text("code"), node: try row.text("node"), kind: row.string("kind").flatMap { EquipmentKind(rawValue: $0) },
            registrationNumber: row.string("registration_number"), user: row.string("user_name"),
            location: row.string("location"), registeredAt: row.int("registered_at"),
            installedAt: row.int("installed_at"), lastInspectedAt: row.int("last_inspected_at"),
            lastInspectionPassed: row.int("last_passed").map { $0 != 0 }, nextDue: row.string("next_due"),
            lastRepairAt: row.int("last_repair_at"), decommissionedAt: row.int("decommissioned_at"),
            eventsAfterDecommissioning: Int(try row.integer("late_events")), eventCount: Int(try row.integer("event_count")),
            asOf: asOf
        )
    }
}
