import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// A node's operators by name, each with its aliases, personal numbers in clear (callers mask them for listings).
    nonisolated func operators(node: String) async throws -> [ListedOperator] {
        try await read { store in
            _ = try store.node(node)
            return try store.operatorListing(node: node)
        }
    }
}
