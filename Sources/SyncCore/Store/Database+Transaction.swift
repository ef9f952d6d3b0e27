/// Transactions: all or nothing.
extension Database {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any error rolls the transaction back and is rethrown.
    ///
    /// Nested calls join the outer transaction through a savepoint, so an inner failure undoes only its own part
    /// when the caller catches it.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try inSavepoint(body) }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT nested")
        do {
            let result = try body()
            try execute("RELEASE nested")
            return result
        } catch {
            try? execute("ROLLBACK TO nested")
            try? execute("RELEASE nested")
            throw error
        }
    }
}
