import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// An enrollment code issued for a demo market at start-up.
struct DemoEnrollment: Sendable {
    let node: Node
    let code: String
    let expiresAt: Int64
}

/// The two Haikou wholesale markets `serve --demo` sets up, from the bundled `DemoData`.
enum DemoMarkets {
    /// The markets' node codes.
    static let codes = ["46010001", "46010002"]
    /// How long the printed enrollment codes stay valid: 7 days.
    static let codeLifetime: Int64 = 7 * 24 * 3_600_000

    /// Adds the markets that are missing, with their operators, and issues one enrollment code per market.
    static func seed(into store: CentralStore, now: Int64) throws -> [DemoEnrollment] {
        let nodes = try load([Node].self, "nodes").filter { codes.contains($0.code) }
        let operators = try load([Operator].self, "operators")
        let existing = Set(try store.nodes().map(\.code))
        for node in nodes where !existing.contains(node.code) {
            try store.addNode(node)
            for registered in operators where registered.node == node.code { try store.upsert(registered) }
        }
        return try nodes.map { node in
            let expiresAt = now + codeLifetime
            return DemoEnrollment(node: node, code: try store.issueEnrollCode(node: node.code, expiresAt: expiresAt),
                                  expiresAt: expiresAt)
        }
    }

    private static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "DemoData") else {
            throw TraceSyncError(.demoDataMissing, field: nil,
                                 zh: "找不到演示数据 \(name).json：请重新构建 sync-server。",
                                 en: "the demo data \(name).json is missing: rebuild sync-server.")
        }
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }
}
