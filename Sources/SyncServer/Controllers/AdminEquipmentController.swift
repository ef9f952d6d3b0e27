import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/equipment`: special-equipment units, those whose inspection is overdue first
/// (`?overdue=true` lists only them; `asOf=YYYY-MM-DD` computes the status for another day than today). Every
/// role may read; a node admin sees only their nodes' units.
struct AdminEquipmentController {
    let service: CentralService

    /// The routes, to add at `/v1/admin/equipment`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
    }

    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [EquipmentUnit] {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        try QueryValue.refuseUnknown(parameters, known: ["node", "overdue", "asOf"])
        let filter = try EquipmentFilter(node: parameters.get("node"), overdue: parameters.get("overdue"),
                                         asOf: parameters.get("asOf"))
        if let node = filter.node { try context.requireNode(node) }
        return try await service.equipmentUnits(filter).filter { admin.mayAccess(node: $0.node) }
    }
}
