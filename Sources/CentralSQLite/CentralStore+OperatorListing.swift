public import CentralCore
public import SyncCore

extension CentralStore {
    /// A node's operators by name as listings show them: each operator kept, with the ids merged into it.
    public func operatorListing(node: String) throws -> [ListedOperator] {
        let rows = try database.query("SELECT record, sealed, canonical_id FROM operators WHERE node = ? ORDER BY name, id", node)
        return ListedOperator.fold(try rows.map {
            (try storedOperator($0), $0.string("canonical_id"))
        })
    }
}
