import SyncCore

extension CentralService {
    /// A node's operators by name, with their personal numbers in clear (callers mask them for listings).
    func operators(node: String) throws -> [Operator] {
        _ = try store.node(node)
        return try store.operators(node: node)
    }
}
