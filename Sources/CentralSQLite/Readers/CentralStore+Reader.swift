public import CentralCore
public import SyncCore

extension CentralStore {
    /// Opens a reader of the store at `path`, beside its writer: a connection of its own that reads the committed
    /// state (WAL: it never waits for the writer, nor the writer for it) and cannot write (`query_only`). Nothing is
    /// migrated, seeded or checked: the writer, opened first with the same data key, did that.
    /// - Throws: `DatabaseError` when the file does not exist.
    public convenience init(readerAt path: String, dataKey: DataKey) throws {
        let database = try Database(path: path, create: false)
        try database.execute("PRAGMA query_only = ON")
        self.init(opened: database, dataKey: dataKey)
    }
}
