import Foundation
package import CentralCore
package import SyncCore

/// The central store on PostgreSQL (issue 15): the write path (`PushLedger`), the pull log (`PullLog`) and device
/// recognition (`DeviceRegistry`). Several stores — of several server processes — may share one database: every
/// guarantee of the ports is kept by the database (advisory locks, transaction ids), none by process memory.
///
/// **Partial.** Trace, exports, admin directory, audit and credit (`TraceReader`, `ExportReader`, `AdminDirectory`,
/// `AuditReader`, `CreditReader`) are not on PostgreSQL yet; the server serves them from SQLite only.
///
/// One store is one connection (`PostgresSession`), used from one thread at a time, as a SQLite `CentralStore` is.
package final class PostgresCentralStore {
    package let session: PostgresSession
    /// Seals personal values before they are written, with the same data key and envelopes as the SQLite backend.
    package let personalDataCipher: PersonalDataCipher
    /// The server's clock in milliseconds; tests replace it.
    package var clock: () -> Int64 = BusinessTime.now
    /// How old a business time may be before it is flagged as implausible (30 days).
    package var pastWindow: Int64 = 30 * 24 * 3_600_000
    /// How long an event may wait for its batch's receipt before it is flagged as an orphan (24 hours).
    package var orphanTimeout: Int64 = 24 * 3_600_000
    /// How many times a write is tried when PostgreSQL aborts it for a serialization failure or a deadlock.
    package var maxWriteAttempts = 8
    /// The transaction a write is running, so that a write called inside it joins it.
    var current: PostgresPushTransaction?

    /// Opens the store at `url` with `dataKey`: migrates the database on first start (once, whatever the number of
    /// servers starting at once), seeds the bundled regions and products it lacks, and checks the data key.
    /// - Throws: `TraceSyncError` `data_key_mismatch` when the database's personal data was sealed under another key.
    package init(url: String, dataKey: DataKey) throws {
        session = try PostgresSession.connect(url: url)
        personalDataCipher = PersonalDataCipher(key: dataKey)
        try migrate()
        try checkDataKey()
    }

    /// Closes the store's connection.
    package func close() { session.close() }

    func mergeContext(receivedAt: Int64) -> MergeContext {
        MergeContext(receivedAt: receivedAt, pastWindow: pastWindow)
    }

    /// The store's generation: the same for as long as this store lives, new in a restored one.
    package func generation() throws -> String {
        guard let row = try session.row("SELECT generation FROM store_generation WHERE id = 1") else {
            throw TraceSyncError(.internalError, field: "generation", zh: "中心库没有记录其代次。",
                                 en: "the central store records no generation.")
        }
        return try row.text("generation")
    }

    // MARK: Migrations and seeding

    private func migrate() throws {
        try session.query("BEGIN")
        do {
            try session.query("SELECT pg_advisory_xact_lock($1)", .int(PostgresSchema.migrationLock))
            try session.query(PostgresSchema.bookkeepingSQL)
            let applied = Set(try session.query("SELECT name FROM tracesync_migrations").map { try $0.text("name") })
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                for statement in Self.statements(migration.sql) { try session.query(statement) }
                try session.query("INSERT INTO tracesync_migrations (name) VALUES ($1)", .text(migration.name))
            }
            try PostgresPushTransaction(store: self).seedMasterData()
            try session.query("COMMIT")
        } catch {
            _ = try? session.query("ROLLBACK")
            throw error
        }
    }

    /// The statements of a migration's text, one per `;` that ends a line (the extended protocol takes one at a time).
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    private static let checkText = "tracesync-data-key"

    /// Refuses a data key that does not open the store's check value; on a new store, seals it.
    private func checkDataKey() throws {
        if let sealed = try session.row("SELECT sealed FROM data_key_check WHERE id = 1")?.string("sealed") {
            guard try personalDataCipher.open(sealed, field: "check") == Self.checkText else {
                throw PersonalDataCipher.mismatch
            }
        } else {
            try session.query("INSERT INTO data_key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
                              .text(try personalDataCipher.seal(Self.checkText, field: "check")))
            try checkDataKey()
        }
    }
}

// MARK: The write transaction

extension PostgresCentralStore: PushLedger {
    /// Runs `body` in one PostgreSQL transaction (READ COMMITTED: every statement after a lock sees what committed
    /// before the lock was granted), retried from the start — a fresh transaction, the body run again — when
    /// PostgreSQL aborts it for a serialization failure or a deadlock, at most `maxWriteAttempts` times, with a
    /// short random pause. A retry is idempotent: the aborted attempt left nothing, and the body reads the store
    /// again (a push re-reads its device's head, so entries a concurrent push stored are answered as replays).
    ///
    /// Writes are serialised per device and per node by transaction-scoped advisory locks
    /// (`pg_advisory_xact_lock`) the transaction takes as it reads (`PostgresPushTransaction`); they are released
    /// by the commit or rollback, never held by process memory. Called inside another write it joins that one.
    package func write<T>(_ body: (any PushLedgerTransaction) throws -> T) throws -> T {
        if let current { return try body(current) }
        var attempt = 1
        while true {
            try session.query("BEGIN ISOLATION LEVEL READ COMMITTED")
            let transaction = PostgresPushTransaction(store: self)
            current = transaction
            do {
                let result = try body(transaction)
                current = nil
                try session.query("COMMIT")
                return result
            } catch {
                current = nil
                _ = try? session.query("ROLLBACK")
                guard let failure = error as? PostgresFailure, failure.isRetryable, attempt < maxWriteAttempts else {
                    throw error
                }
                attempt += 1
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(attempt))))
            }
        }
    }

    /// Stores and merges `entries` pushed by `device` (`PushCoordinator` over this ledger).
    package func push(device: DeviceRecord, entries: [JournalEntry]) throws -> PushResponse {
        try PushCoordinator.push(deviceId: device.id, node: device.node, entries: entries, ledger: self,
                                 context: mergeContext(receivedAt: clock()), orphanTimeout: orphanTimeout)
    }
}
