public import CentralCore
public import SyncCore

/// The central store's schema.
enum CentralSchema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("v1-central", sql: CatalogueTables.schema + """
            CREATE TABLE nodes (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, kind TEXT NOT NULL,
                region TEXT NOT NULL REFERENCES regions (code)
            );
            CREATE TABLE operators (
                id TEXT PRIMARY KEY,
                node TEXT NOT NULL REFERENCES nodes (code),
                name TEXT NOT NULL,
                credit_code TEXT,
                record TEXT NOT NULL,
                canonical_id TEXT,
                event_id TEXT
            );
            CREATE INDEX operators_node_credit ON operators (node, credit_code);
            CREATE TABLE devices (
                id TEXT PRIMARY KEY,
                node TEXT NOT NULL REFERENCES nodes (code),
                device_number INTEGER NOT NULL,
                name TEXT NOT NULL,
                secret_hash TEXT NOT NULL UNIQUE,
                revoked_at INTEGER,
                acked_seq INTEGER NOT NULL DEFAULT 0,
                head_hash TEXT NOT NULL,
                enrolled_at INTEGER NOT NULL,
                last_seen_at INTEGER,
                UNIQUE (node, device_number)
            );
            CREATE TABLE enroll_codes (
                code_hash TEXT PRIMARY KEY,
                node TEXT NOT NULL REFERENCES nodes (code),
                expires_at INTEGER NOT NULL,
                used_at INTEGER,
                device_id TEXT
            );
            CREATE TABLE entries (
                device_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                hlc TEXT NOT NULL,
                wall_time INTEGER NOT NULL,
                author TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                prev TEXT NOT NULL,
                hash TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                verdict TEXT NOT NULL,
                reason_code TEXT,
                reason_message TEXT,
                PRIMARY KEY (device_id, seq)
            ) WITHOUT ROWID;
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                batch_code TEXT,
                node TEXT NOT NULL,
                kind TEXT NOT NULL,
                hlc TEXT NOT NULL,
                device_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                author TEXT NOT NULL,
                time INTEGER,
                body TEXT NOT NULL
            );
            CREATE INDEX events_batch ON events (batch_code, hlc);
            CREATE TABLE batches (
                code TEXT PRIMARY KEY,
                node TEXT NOT NULL,
                product TEXT NOT NULL,
                operator_id TEXT NOT NULL,
                origin TEXT NOT NULL,
                upstream_code TEXT,
                day TEXT NOT NULL,
                time INTEGER NOT NULL,
                unit TEXT NOT NULL,
                received TEXT NOT NULL,
                sold TEXT NOT NULL,
                disposed TEXT NOT NULL,
                balance TEXT NOT NULL,
                status TEXT NOT NULL,
                flags TEXT NOT NULL
            );
            CREATE INDEX batches_node_day ON batches (node, day);
            CREATE INDEX batches_upstream ON batches (upstream_code);
            CREATE TABLE trace_links (
                code TEXT PRIMARY KEY,
                batch_code TEXT NOT NULL,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL
            );
            CREATE INDEX trace_links_batch ON trace_links (batch_code);
            CREATE TABLE integrity_violations (
                id INTEGER PRIMARY KEY,
                device_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                stored_hash TEXT,
                offered_hash TEXT NOT NULL,
                detected_at INTEGER NOT NULL
            );
            CREATE TABLE server_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                node TEXT,
                kind TEXT NOT NULL,
                device_id TEXT,
                entry_seq INTEGER,
                rejected INTEGER NOT NULL DEFAULT 0,
                body TEXT
            );
            CREATE INDEX server_log_node ON server_log (node, seq);
            CREATE TABLE certificates (
                certificate TEXT NOT NULL,
                event_id TEXT NOT NULL,
                operator_id TEXT NOT NULL,
                PRIMARY KEY (certificate, event_id)
            ) WITHOUT ROWID;
            CREATE TABLE conflicts (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                node TEXT NOT NULL,
                batch_code TEXT,
                target TEXT,
                field TEXT,
                status TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                resolution TEXT
            );
            CREATE UNIQUE INDEX conflicts_open_subject ON conflicts (kind, subject) WHERE status = 'open';
            CREATE INDEX conflicts_node_status ON conflicts (node, status);
            CREATE TABLE conflict_candidates (
                conflict_id INTEGER NOT NULL REFERENCES conflicts (id),
                event_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                candidate TEXT NOT NULL,
                PRIMARY KEY (conflict_id, event_id)
            ) WITHOUT ROWID;
            CREATE TABLE orphans (
                event_id TEXT PRIMARY KEY,
                batch_code TEXT NOT NULL,
                node TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                flagged INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX orphans_batch ON orphans (batch_code);
            CREATE INDEX orphans_age ON orphans (flagged, received_at);
            CREATE TABLE admin_tokens (
                token_hash TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            """)
        migrator.register("v2-export-indexes", sql: """
            CREATE INDEX IF NOT EXISTS events_node_time ON events (node, time);
            CREATE INDEX IF NOT EXISTS events_time ON events (time);
            """)
        migrator.register("v4-audit", sql: AuditSchema.sql)
        migrator.register("v4-data-key", sql: PersonalDataCipher.checkTableSQL)
        migrator.register("v3-admin-users", sql: AdminUsersSchema.sql)
        // A trace stop lists its batch's conflicts: without these, each stop scanned both tables whole.
        migrator.register("v5-conflict-lookup-indexes", sql: """
            CREATE INDEX IF NOT EXISTS conflicts_batch ON conflicts (batch_code);
            CREATE INDEX IF NOT EXISTS conflict_candidates_event ON conflict_candidates (event_id);
            """)
        // A restored store gets a new generation, so devices rewind to what it holds (DESIGN.md §6).
        migrator.register("v6-store-generation", sql: StoreGeneration.schemaSQL)
        // Personal numbers move out of stored documents into envelopes only the store writes (PersonalDataCipher).
        migrator.register("v7-personal-data-envelopes", sql: CentralStore.envelopeColumnsSQL)
        // Unknown names are locked after failed logins as users are, so the answers do not tell which names exist.
        migrator.register("v8-login-failures", sql: CentralStore.loginFailuresSQL)
        // The audit chain is keyed from here on; an existing log gets its `audit.chain.keyed` record at open.
        migrator.register("v8-audit-keyed-chain", sql: AuditKeying.migrationSQL)
        // A node's public phone number and address, for the consumer's page.
        migrator.register("v9-node-public-contact", sql: CentralStore.nodeContactSQL)
        // A pull page and an exchange feed page read their own rows only, however long the log (CentralStore+Pull).
        migrator.register("v10-pull-page-indexes", sql: CentralStore.pullIndexesSQL)
        migrator.register("v11-consumer-complaints", sql: ComplaintsSchema.sql)
        // Supervision findings, stored once by key with their follow-up, and the checks' settings (issue 18).
        migrator.register("v12-supervision-findings", sql: SupervisionSchema.sql)
        // Special-equipment units as their life events make them, and which events are whose (issue 17).
        migrator.register("v14-equipment-units", sql: EquipmentSchema.sql)
        // Serialised items and their cases and pallets (issue 17 item 2).
        migrator.register("v13-packing", sql: CentralStore.packingSQL)
        // Restricted products and the licences on record, for the licence checks at a sale (issue 17 item 4).
        migrator.register("v15-licences", sql: CentralStore.licencesSQL)
        // The province's operator-credit settings: whether the public page shows grades (issue 18).
        migrator.register("v16-operator-credit-settings", sql: CreditSchema.sql)
        // What the supervision runs after pushes keep between them, so a run costs what the pushes touched (issue 18).
        migrator.register("v17-supervision-cache", sql: SupervisionSchema.cacheSQL)
        return migrator
    }
}
