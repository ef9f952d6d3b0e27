public import SyncCore

/// What an admin user may do (DESIGN.md §5, 等保三级 access control).
public enum AdminRole: String, Codable, Sendable, CaseIterable {
    /// The province's admins: every route, every node, and the users.
    case province
    /// A node's admin: only their nodes' devices, conflicts, recalls, statistics and exports.
    case node
    /// Read-only: every listing, including the audit log, and no change.
    case auditor

    /// The role's name for people, Chinese first.
    public var label: LocalizedText {
        switch self {
        case .province: LocalizedText(zh: "省级管理员", en: "province admin")
        case .node: LocalizedText(zh: "节点管理员", en: "node admin")
        case .auditor: LocalizedText(zh: "审计员", en: "auditor")
        }
    }

    /// Reads a role as typed on the command line or in a request.
    /// - Throws: `TraceSyncError` `bad_role` naming the roles there are.
    public init(parsing text: String) throws {
        guard let role = AdminRole(rawValue: text) else {
            throw TraceSyncError(.badRole, field: "role",
                                 zh: "角色 \(text) 无效：可用 province（省级管理员）、node（节点管理员）、auditor（审计员）。",
                                 en: "role \(text) is not valid: use province, node or auditor.")
        }
        self = role
    }
}
