import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The batches under a food-safety hold, of one node or all; refuses an unknown node.
    nonisolated func holds(node: String?) async throws -> [HeldBatch] {
        try await read { store in
            if let node { _ = try store.node(node) }
            return try store.holds(node: node)
        }
    }

    /// The node of the batch a code names.
    nonisolated func batchNode(_ code: String) async throws -> String {
        try await read { try $0.batchNode(code) }
    }

    /// Lifts a batch's food-safety hold on behalf of `author`.
    func releaseHold(_ code: String, _ request: ReleaseRequest, author: String) throws -> HoldReleaseRecord {
        try store.releaseHold(code, request, author: author)
    }
}
