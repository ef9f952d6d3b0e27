public import CentralCore
public import SyncCore

/// The id of one life of a central store (DESIGN.md §6): made with the store, and replaced in the file a restore
/// writes, so a device can tell that the server's log is no longer the one its pull cursor points into.
enum StoreGeneration {
    /// The one-row table, with the id of the store it is created in.
    static let schemaSQL = """
        CREATE TABLE store_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation TEXT NOT NULL
        );
        INSERT INTO store_generation (id, generation) VALUES (1, \(newIdSQL));
        """

    /// A new random id: 128 bits as 32 hex digits.
    private static let newIdSQL = "lower(hex(randomblob(16)))"

    /// The store's generation.
    static func read(in database: Database) throws -> String {
        guard let row = try database.row("SELECT generation FROM store_generation WHERE id = 1") else {
            throw TraceSyncError(.internalError, field: "generation",
                                 zh: "中心库没有记录其代次（store_generation 为空）。",
                                 en: "the central store records no generation (store_generation is empty).")
        }
        return try row.text("generation")
    }

    /// Gives the store in `database` a new generation and returns it; nil for a store from before generations,
    /// which gets a new one from its migration when it is next opened.
    static func renew(in database: Database) throws -> String? {
        guard try database.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_generation'"
        ) == 1 else { return nil }
        try database.run("UPDATE store_generation SET generation = \(newIdSQL) WHERE id = 1")
        return try read(in: database)
    }
}

extension CentralStore {
    /// The store's generation: the same for as long as this store lives, new in a store restored from a backup.
    /// Every push answer and pull page carries it.
    public func generation() throws -> String {
        try StoreGeneration.read(in: database)
    }
}
