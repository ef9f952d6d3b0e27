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
}
