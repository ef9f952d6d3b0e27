/// The backend's own health, as `/healthz`, `serve` and `verify` check it.
///
/// Guarantees those of every read port (`CentralReads`): it reads, and may run beside a write.
public protocol StoreHealth {
    /// The backend's name as `/healthz` reports it, e.g. `sqlite`.
    var backendName: String { get }

    /// Returns once the database has answered a trivial query; throws what it failed with.
    func ping() throws

    /// The backend's consistency check: `ok` when the store is sound, else what is wrong; `quick` keeps it fast on
    /// a large store.
    func integrityCheck(quick: Bool) throws -> String
}
