public import SyncCore

/// The admin user a request acts for, with what their role lets them reach.
public struct AdminPrincipal: Sendable, Hashable, Codable {
    /// The user's name, e.g. `alice`.
    public let name: String
    public let role: AdminRole
    /// The node codes a node admin looks after; empty for the other roles, who are not limited to nodes.
    public let nodes: [String]

    public init(name: String, role: AdminRole, nodes: [String]) {
        self.name = name
        self.role = role
        self.nodes = nodes
    }

    /// Whether this admin may see the node's data: province admins and auditors see every node, node admins only
    /// their own.
    public func mayAccess(node: String) -> Bool {
        role != .node || nodes.contains(node)
    }

    /// Whether this admin is limited to some nodes (a node admin).
    public var isLimitedToNodes: Bool { role == .node }
}
