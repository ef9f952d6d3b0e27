import SyncCore
import CentralCore
import CentralSQLite

/// The role and node checks every admin route makes before it acts: a refusal is 403 `forbidden`, naming what is
/// needed.
extension SyncRequestContext {
    /// The logged-in admin, who must hold one of `roles`.
    /// - Throws: `TraceSyncError` `unauthorized` without an admin, `forbidden` naming the roles allowed.
    @discardableResult
    func requireRole(_ roles: AdminRole...) throws -> AdminPrincipal {
        let admin = try requireAdmin()
        guard roles.contains(admin.role) else {
            let zh = roles.map(\.label.zh).joined(separator: "或"), en = roles.map(\.label.en).joined(separator: " or ")
            throw TraceSyncError(.forbidden, field: "role",
                                 zh: "无权执行此操作：需要\(zh)，你（\(admin.name)）是\(admin.role.label.zh)。",
                                 en: "not allowed: this needs a \(en); you (\(admin.name)) are a \(admin.role.label.en).")
        }
        return admin
    }

    /// The logged-in admin, who must be allowed to see `node`'s data. A node admin must name one of their nodes:
    /// nil (every node) is refused for them.
    /// - Throws: `TraceSyncError` `unauthorized` without an admin, `forbidden` naming the admin's nodes.
    @discardableResult
    func requireNode(_ node: String?) throws -> AdminPrincipal {
        let admin = try requireAdmin()
        guard admin.isLimitedToNodes else { return admin }
        let mine = admin.nodes.joined(separator: ", ")
        guard let node else {
            throw TraceSyncError(.forbidden, field: "node",
                                 zh: "节点管理员只能查看自己的节点：请用 node 参数指定你的节点之一（\(mine)）。",
                                 en: "a node admin sees only their own nodes: name one of yours (\(mine)) with the node parameter.")
        }
        guard admin.mayAccess(node: node) else {
            throw TraceSyncError(.forbidden, field: "node",
                                 zh: "无权查看节点 \(node) 的数据：节点管理员只能查看自己的节点（\(mine)），其他节点需要省级管理员或审计员。",
                                 en: "not allowed to see node \(node): a node admin sees only their own nodes (\(mine)); other nodes need a province admin or an auditor.")
        }
        return admin
    }
}
