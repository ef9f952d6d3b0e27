/// The field device's database schema.
enum DeviceSchema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("v1-device", sql: CatalogueTables.schema + """
            CREATE TABLE device (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                device_id TEXT NOT NULL,
                node TEXT NOT NULL,
                device_number INTEGER NOT NULL,
                inspector TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE operators (
                id TEXT PRIMARY KEY,
                node TEXT NOT NULL,
                name TEXT NOT NULL,
                credit_code TEXT,
                record TEXT NOT NULL
            );
            CREATE INDEX operators_credit_code ON operators (credit_code);
            CREATE TABLE journal (
                seq INTEGER PRIMARY KEY,
                device_id TEXT NOT NULL,
                hlc TEXT NOT NULL,
                wall_time INTEGER NOT NULL,
                author TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                prev TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                batch_code TEXT,
                kind TEXT NOT NULL,
                hlc TEXT NOT NULL,
                device_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                author TEXT NOT NULL,
                body TEXT NOT NULL,
                verdict TEXT NOT NULL DEFAULT 'pending',
                reason_code TEXT,
                reason_message TEXT,
                UNIQUE (device_id, seq)
            );
            CREATE INDEX events_batch ON events (batch_code, hlc);
            CREATE TABLE batches (
                code TEXT PRIMARY KEY,
                node TEXT NOT NULL,
                product TEXT NOT NULL,
                operator_id TEXT NOT NULL,
                day TEXT NOT NULL,
                time INTEGER NOT NULL,
                received TEXT NOT NULL,
                balance TEXT NOT NULL,
                status TEXT NOT NULL,
                flags TEXT NOT NULL
            );
            CREATE INDEX batches_status ON batches (status, day);
            CREATE INDEX batches_day ON batches (day);
            CREATE TABLE trace_codes (
                code TEXT PRIMARY KEY,
                batch_code TEXT NOT NULL,
                event_id TEXT NOT NULL
            );
            CREATE TABLE code_serials (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
            """)
        migrator.register("v2-sync", sql: """
            CREATE TABLE sync_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                server_url TEXT NOT NULL,
                secret TEXT NOT NULL,
                acked_seq INTEGER NOT NULL DEFAULT 0,
                pull_cursor INTEGER NOT NULL DEFAULT 0,
                last_sync_at INTEGER
            );
            """)
        migrator.register("v3-conflicts", sql: """
            CREATE TABLE conflicts (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                batch_code TEXT,
                status TEXT NOT NULL,
                record TEXT NOT NULL
            );
            CREATE INDEX conflicts_batch ON conflicts (batch_code);
            CREATE TABLE conflict_events (
                conflict_id INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                PRIMARY KEY (conflict_id, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX conflict_events_event ON conflict_events (event_id);
            ALTER TABLE operators ADD COLUMN canonical_id TEXT;
            """)
        // The server store's generation last seen: a new one means the server was restored (DESIGN.md §6).
        migrator.register("v4-server-generation", sql: """
            ALTER TABLE sync_state ADD COLUMN server_generation TEXT;
            """)
        // The journal's own counter: the last seq and hash appended, kept in the device row in the same transaction
        // as each entry, so entries cut off the journal's end are still known to have existed.
        migrator.register("v5-journal-counter", sql: """
            ALTER TABLE device ADD COLUMN journal_seq INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE device ADD COLUMN journal_head TEXT;
            UPDATE device SET journal_seq = coalesce((SELECT max(seq) FROM journal), 0),
                journal_head = (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1);
            """)
        // What weighing-system files and rows were imported, so a file imported twice does not create its batches
        // twice (device bookkeeping only: not journaled, never synced).
        migrator.register("v6-imports", sql: """
            CREATE TABLE imported_rows (
                fingerprint TEXT PRIMARY KEY,
                file_hash TEXT NOT NULL,
                line INTEGER NOT NULL,
                batch_code TEXT NOT NULL,
                imported_at INTEGER NOT NULL
            );
            CREATE INDEX imported_rows_file ON imported_rows (file_hash);
            """)
        return migrator
    }
}
