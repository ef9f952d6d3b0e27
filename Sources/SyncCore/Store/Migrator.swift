/// Named schema migrations, each applied once and recorded in `schema_migrations`.
public struct Migrator {
    private var migrations: [(name: String, sql: String)] = []

    public init() {}

    /// Registers a migration; names must be unique and are applied in registration order.
    public mutating func register(_ name: String, sql: String) {
        precondition(!migrations.contains { $0.name == name }, "duplicate migration \(name)")
        migrations.append((name, sql))
    }

    /// Applies every migration not yet recorded, each in its own transaction.
    public func migrate(_ database: Database) throws {
        try database.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        let applied = Set(try database.query("SELECT name FROM schema_migrations").map { try $0.text("name") })
        for migration in migrations where !applied.contains(migration.name) {
            try database.inTransaction {
                try database.execute(migration.sql)
                try database.run(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, datetime('now'))",
                    migration.name
                )
            }
        }
    }
}
