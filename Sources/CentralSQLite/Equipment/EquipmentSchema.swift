/// The tables of special-equipment units (migration v14): each unit's row as its merged life events make it
/// (`EquipmentState`), rewritten at every merge, and which events are whose. The due-date index lets the overdue
/// list read only the units that are due.
enum EquipmentSchema {
    static let sql = """
        CREATE TABLE equipment_units (
            code TEXT PRIMARY KEY,
            node TEXT NOT NULL,
            kind TEXT,
            registration_number TEXT,
            user_name TEXT,
            location TEXT,
            registered_at INTEGER,
            installed_at INTEGER,
            last_inspected_at INTEGER,
            last_passed INTEGER,
            next_due TEXT,
            last_repair_at INTEGER,
            decommissioned_at INTEGER,
            late_events INTEGER NOT NULL DEFAULT 0,
            event_count INTEGER NOT NULL
        );
        CREATE INDEX equipment_units_due ON equipment_units (next_due) WHERE decommissioned_at IS NULL;
        CREATE INDEX equipment_units_node ON equipment_units (node);
        CREATE TABLE equipment_events (
            event_id TEXT PRIMARY KEY,
            equipment_code TEXT NOT NULL
        );
        CREATE INDEX equipment_events_code ON equipment_events (equipment_code);
        """
}
