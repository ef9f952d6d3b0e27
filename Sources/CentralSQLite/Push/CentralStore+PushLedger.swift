public import CentralCore
public import SyncCore

/// The SQLite store as the push ledger: one connection, so one write transaction at a time, and every write of
/// every device and node serialised on it; `server_log` positions come from an AUTOINCREMENT key assigned inside
/// the transaction, and a later transaction starts only after the earlier one committed, so positions are in
/// commit order and a pull cursor never skips a late commit.
extension CentralStore: PushLedger {
    package var personalDataCipher: PersonalDataCipher { personalData }

    package func write<T>(_ body: (any PushLedgerTransaction) throws -> T) throws -> T {
        let transaction = SQLitePushTransaction(store: self)
        let result = try database.inTransaction { try body(transaction) }
        // Inside a caller's transaction the write may still be rolled back: its batch states are not kept then.
        if !database.isInTransaction { batchStates.keep(transaction.savedStates) }
        return result
    }
}
