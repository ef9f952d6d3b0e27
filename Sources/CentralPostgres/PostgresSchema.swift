/// The central store's schema on PostgreSQL: the tables of the write path (journals, events, batches, trace links,
/// conflicts, the pull log) as the SQLite backend has them, in PostgreSQL's types.
///
/// Migrations run on first start, each once, in a transaction under an advisory lock, so that several servers
/// starting at once on one database migrate it once (the others wait, then find it done). A registered migration
/// is never edited; a change is a new one appended to `migrations`.
enum PostgresSchema {
    /// The advisory-lock key the migrations run under.
    static let migrationLock: Int64 = 0x7472_6163_6573_796E // "tracesyn"

    /// Every migration by name, in order.
    static let migrations: [(name: String, sql: String)] = [
        ("pg1-central", central),
    ]

    /// The bookkeeping table of applied migrations.
    static let bookkeepingSQL = """
        CREATE TABLE IF NOT EXISTS tracesync_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
        """

    /// The first migration: what the push, pull and device ports read and write.
    ///
    /// `server_log.pos` is the pull position: the writing transaction's id shifted left by 20 bits, plus the row's
    /// ordinal in that transaction (`PostgresPushTransaction.logPosition`). A pull serves only rows whose transaction
    /// id is below the snapshot's `xmin`, i.e. rows of transactions that have all ended: those positions are final,
    /// and every row committed later has a greater position (see `PostgresCentralStore+Pull`).
    static let central = """
        CREATE TABLE data_key_check (id integer PRIMARY KEY CHECK (id = 1), sealed text NOT NULL);
        CREATE TABLE store_generation (id integer PRIMARY KEY CHECK (id = 1), generation text NOT NULL);
        INSERT INTO store_generation (id, generation) VALUES (1, replace(gen_random_uuid()::text, '-', ''));
        CREATE TABLE regions (
            code text PRIMARY KEY, name text NOT NULL, name_en text NOT NULL, parent text, level text NOT NULL
        );
        CREATE TABLE products (
            code text PRIMARY KEY, name text NOT NULL UNIQUE, name_en text NOT NULL,
            industry text NOT NULL, category text NOT NULL, unit text NOT NULL,
            restricted boolean NOT NULL DEFAULT false
        );
        CREATE TABLE nodes (
            code text PRIMARY KEY, name text NOT NULL, name_en text NOT NULL, kind text NOT NULL,
            region text NOT NULL REFERENCES regions (code), phone text, address text
        );
        CREATE TABLE operators (
            id text PRIMARY KEY,
            node text NOT NULL REFERENCES nodes (code),
            name text NOT NULL,
            credit_code text,
            record text NOT NULL,
            sealed text,
            canonical_id text,
            event_id text,
            added bigserial NOT NULL
        );
        CREATE INDEX operators_node_credit ON operators (node, credit_code);
        CREATE TABLE devices (
            id text PRIMARY KEY,
            node text NOT NULL REFERENCES nodes (code),
            device_number bigint NOT NULL,
            name text NOT NULL,
            secret_hash text NOT NULL UNIQUE,
            revoked_at bigint,
            acked_seq bigint NOT NULL DEFAULT 0,
            head_hash text NOT NULL,
            enrolled_at bigint NOT NULL,
            last_seen_at bigint,
            UNIQUE (node, device_number)
        );
        CREATE TABLE entries (
            device_id text NOT NULL,
            seq bigint NOT NULL,
            hlc text NOT NULL,
            wall_time bigint NOT NULL,
            author text NOT NULL,
            kind text NOT NULL,
            payload text NOT NULL,
            sealed text,
            prev text NOT NULL,
            hash text NOT NULL,
            received_at bigint NOT NULL,
            verdict text NOT NULL,
            reason_code text,
            reason_message text,
            PRIMARY KEY (device_id, seq)
        );
        CREATE INDEX entries_hlc ON entries (hlc);
        CREATE TABLE events (
            id text PRIMARY KEY,
            batch_code text,
            node text NOT NULL,
            kind text NOT NULL,
            hlc text NOT NULL,
            device_id text NOT NULL,
            seq bigint NOT NULL,
            author text NOT NULL,
            time bigint,
            body text NOT NULL,
            sealed text
        );
        CREATE INDEX events_batch ON events (batch_code, hlc);
        CREATE INDEX events_entry ON events (device_id, seq);
        CREATE TABLE batches (
            code text PRIMARY KEY,
            node text NOT NULL,
            product text NOT NULL,
            operator_id text NOT NULL,
            origin text NOT NULL,
            upstream_code text,
            day text NOT NULL,
            time bigint NOT NULL,
            unit text NOT NULL,
            received text NOT NULL,
            sold text NOT NULL,
            disposed text NOT NULL,
            balance text NOT NULL,
            status text NOT NULL,
            flags text NOT NULL
        );
        CREATE INDEX batches_node_day ON batches (node, day);
        CREATE TABLE trace_links (
            code text PRIMARY KEY, batch_code text NOT NULL, event_id text NOT NULL, kind text NOT NULL
        );
        CREATE INDEX trace_links_batch ON trace_links (batch_code);
        CREATE TABLE integrity_violations (
            id bigserial PRIMARY KEY,
            device_id text NOT NULL,
            seq bigint NOT NULL,
            kind text NOT NULL,
            stored_hash text,
            offered_hash text NOT NULL,
            detected_at bigint NOT NULL
        );
        CREATE TABLE server_log (
            pos bigint PRIMARY KEY,
            node text,
            kind text NOT NULL,
            device_id text,
            entry_seq bigint,
            rejected boolean NOT NULL DEFAULT false,
            body text,
            sealed text
        );
        CREATE INDEX server_log_node ON server_log (node, pos);
        CREATE TABLE certificates (
            certificate text NOT NULL, event_id text NOT NULL, operator_id text NOT NULL,
            PRIMARY KEY (certificate, event_id)
        );
        CREATE TABLE conflicts (
            id bigserial PRIMARY KEY,
            kind text NOT NULL,
            subject text NOT NULL,
            node text NOT NULL,
            batch_code text,
            target text,
            field text,
            status text NOT NULL,
            opened_at bigint NOT NULL,
            resolution text,
            resolution_sealed text
        );
        CREATE UNIQUE INDEX conflicts_open_subject ON conflicts (kind, subject) WHERE status = 'open';
        CREATE INDEX conflicts_node_status ON conflicts (node, status);
        CREATE INDEX conflicts_batch ON conflicts (batch_code);
        CREATE TABLE conflict_candidates (
            conflict_id bigint NOT NULL REFERENCES conflicts (id),
            event_id text NOT NULL,
            position bigint NOT NULL,
            candidate text NOT NULL,
            sealed text,
            PRIMARY KEY (conflict_id, event_id)
        );
        CREATE TABLE orphans (
            event_id text PRIMARY KEY,
            batch_code text NOT NULL,
            node text NOT NULL,
            received_at bigint NOT NULL,
            flagged boolean NOT NULL DEFAULT false,
            added bigserial NOT NULL
        );
        CREATE INDEX orphans_batch ON orphans (batch_code);
        CREATE TABLE items (
            code text NOT NULL, batch_code text NOT NULL, event_id text NOT NULL, PRIMARY KEY (code, batch_code)
        );
        CREATE TABLE containers (
            code text NOT NULL, batch_code text NOT NULL, event_id text NOT NULL, level text NOT NULL,
            PRIMARY KEY (code, batch_code)
        );
        CREATE TABLE operator_licences (
            operator_id text NOT NULL, kind text NOT NULL, number text NOT NULL,
            valid_from text NOT NULL, valid_until text NOT NULL, event_id text,
            PRIMARY KEY (operator_id, kind, number)
        );
        CREATE TABLE equipment_units (
            code text PRIMARY KEY,
            node text NOT NULL,
            kind text,
            registration_number text,
            user_name text,
            location text,
            registered_at bigint,
            installed_at bigint,
            last_inspected_at bigint,
            last_passed boolean,
            next_due text,
            last_repair_at bigint,
            decommissioned_at bigint,
            late_events bigint NOT NULL DEFAULT 0,
            event_count bigint NOT NULL
        );
        CREATE TABLE equipment_events (event_id text PRIMARY KEY, equipment_code text NOT NULL);
        CREATE INDEX equipment_events_code ON equipment_events (equipment_code);
        """
}
