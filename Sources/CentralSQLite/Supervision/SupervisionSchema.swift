/// The tables of the supervision checks: findings stored once by key with their follow-up, the thresholds admins
/// set, and how far through the server log the checks have run.
enum SupervisionSchema {
    static let sql = """
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            check_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            node TEXT NOT NULL,
            subject_kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            operator_id TEXT,
            day TEXT NOT NULL,
            summary TEXT NOT NULL,
            evidence TEXT NOT NULL,
            found_at INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            note TEXT,
            followed_up_by TEXT,
            followed_up_at INTEGER,
            conflict_id INTEGER
        );
        CREATE INDEX findings_node_status ON findings (node, status);
        CREATE INDEX findings_operator ON findings (operator_id);
        CREATE TABLE supervision_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE supervision_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        """

    /// What the runs after pushes keep between them (`CentralStore+SupervisionCache`); filled by the first run. The
    /// receipts' index covers what the quantity check reads of a group's window (the code is the table's key).
    /// Quantities in thousandths, days `YYYY-MM-DD` (China Standard Time).
    static let cacheSQL = """
        CREATE TABLE supervision_batch_days (
            code TEXT NOT NULL,
            node TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            unit TEXT NOT NULL,
            day TEXT NOT NULL,
            received INTEGER NOT NULL,
            sold INTEGER NOT NULL,
            disposed INTEGER NOT NULL,
            tests INTEGER NOT NULL,
            passed INTEGER NOT NULL,
            PRIMARY KEY (code, day)
        ) WITHOUT ROWID;
        CREATE TABLE supervision_receipts (
            code TEXT PRIMARY KEY,
            node TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            product TEXT NOT NULL,
            unit TEXT NOT NULL,
            received INTEGER NOT NULL,
            received_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX supervision_receipts_group ON supervision_receipts (operator_id, product, unit, received_at, received, node);
        CREATE TABLE supervision_operator_days (
            node TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            unit TEXT NOT NULL,
            day TEXT NOT NULL,
            received INTEGER NOT NULL,
            sold INTEGER NOT NULL,
            disposed INTEGER NOT NULL,
            PRIMARY KEY (operator_id, node, unit, day)
        ) WITHOUT ROWID;
        CREATE TABLE supervision_test_days (
            node TEXT NOT NULL,
            day TEXT NOT NULL,
            tests INTEGER NOT NULL,
            passed INTEGER NOT NULL,
            PRIMARY KEY (node, day)
        ) WITHOUT ROWID;
        CREATE TABLE supervision_entry_hours (
            node TEXT NOT NULL,
            day TEXT NOT NULL,
            hour INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (node, day, hour)
        ) WITHOUT ROWID;
        """
}
