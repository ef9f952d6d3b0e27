/// The backend's own consistency check, as `/healthz` and `verify` run it.
///
/// Guarantees those of every read port (`CentralReads`): it reads, and may run beside a write.
public protocol StoreHealth {
    /// The backend's consistency check: `ok` when the store is sound, else what is wrong; `quick` keeps it fast on
    /// a large store.
    func integrityCheck(quick: Bool) throws -> String
}
