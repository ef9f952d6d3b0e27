import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/devices` and `POST /v1/admin/devices/{id}/revoke`: enrolled devices, and revoking one. Every role
/// may list (a node admin only their nodes' devices); province admins revoke any device, node admins their nodes'.
/// A revoked device's next request is refused; the entries it synced stay. Added behind `AdminAuthMiddleware`.
struct AdminDeviceController {
    let service: CentralService

    /// The routes, to add at `/v1/admin/devices`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .post("{id}/revoke", use: revoke)
    }

    /// The devices, by node and number, of one node (`?node=`) or all the admin may see.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [CentralStore.DeviceRecord] {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node"])
        let node = parameters.get("node")
        if let node { try context.requireNode(node) }
        return try await service.devices(node: node).filter { admin.mayAccess(node: $0.node) }
    }

    /// Revokes the device and answers with its record; revoking a revoked device again changes nothing. A node admin
    /// naming a device outside their nodes, or no device at all, is refused with 403, so ids cannot be probed.
    @Sendable func revoke(request: Request, context: SyncRequestContext) async throws -> CentralStore.DeviceRecord {
        let admin = try context.requireRole(.province, .node)
        let id = context.parameters.get("id") ?? ""
        context.trail.action = "device.revoke"
        context.trail.target = id
        let device = try await service.knownDevice(id)
        if admin.isLimitedToNodes, !(device.map { admin.mayAccess(node: $0.node) } ?? false) {
            let mine = admin.nodes.joined(separator: ", ")
            throw TraceSyncError(.forbidden, field: "id",
                                 zh: "无权吊销设备 \(id)：节点管理员只能吊销自己节点（\(mine)）的设备。",
                                 en: "not allowed to revoke device \(id): a node admin revokes only their own nodes' (\(mine)) devices.")
        }
        return try await service.revokeDevice(id)
    }
}
