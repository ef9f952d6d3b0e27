public import SyncCore

extension CentralStore {
    /// Runs `body` inside one read transaction, so every query it makes sees the same committed state of the store
    /// (in WAL mode, the snapshot of the transaction's first read; writers carry on meanwhile and a later snapshot
    /// sees their commits). Joins the caller's transaction if one is open.
    public func inSnapshot<T>(_ body: () throws -> T) throws -> T {
        if database.isInTransaction { return try body() }
        try database.execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}
