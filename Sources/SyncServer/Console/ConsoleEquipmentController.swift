import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/equipment`: special-equipment units, overdue inspections first (`?overdue=true` only those), as
/// `/v1/admin/equipment` lists them. Every role reads; a node admin sees only their nodes' units.
struct ConsoleEquipmentController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("equipment", use: list)
    }

    static let title = LocalizedText(zh: "特种设备", en: "Special equipment")

    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        let filter = try EquipmentFilter(node: parameters.get("node"), overdue: parameters.get("overdue"), asOf: nil)
        if let node = filter.node { try context.requireNode(node) }
        let units = try await service.equipmentUnits(filter).filter { admin.mayAccess(node: $0.node) }
        var body = "<p>" + (filter.overdue
            ? "<a href=\"/console/equipment\">\(ConsolePage.t("显示全部设备", "Show every unit"))</a>"
            : "<a href=\"/console/equipment?overdue=true\">\(ConsolePage.t("只看检验超期", "Only overdue inspections"))</a>")
        body += " · " + ConsolePage.t("检验超期：下次检验日期已过且没有更新的检验（按今天计算的视图）。",
                                     "Overdue: the next due date has passed with no newer inspection (a view for today).")
        body += "</p>"
        body += ConsolePage.table(
            [ConsolePage.t("设备代码", "Code"), ConsolePage.t("节点", "Node"), ConsolePage.t("种类", "Kind"),
             ConsolePage.t("使用登记证", "Registration"), ConsolePage.t("使用单位", "User"),
             ConsolePage.t("最近检验", "Last inspection"), ConsolePage.t("下次检验", "Next due"), ConsolePage.t("状态", "Status")],
            units.map { unit in [
                HTMLPage.escape(unit.code), HTMLPage.escape(unit.node), unit.kind.map { ConsolePage.t($0.label) } ?? "-",
                HTMLPage.escape(unit.registrationNumber ?? "-"), HTMLPage.escape(unit.user ?? "-"),
                HTMLPage.escape(unit.lastInspectedAt.map(BusinessTime.dayOf) ?? "-"), HTMLPage.escape(unit.nextDue ?? "-"),
                (unit.status == .overdue || unit.status == .failed ? "<td class=\"hold\">" : "<td>")
                    + ConsolePage.t(unit.status.label) + (unit.eventsAfterDecommissioning > 0
                        ? " · " + ConsolePage.t("报废后仍有 \(unit.eventsAfterDecommissioning) 条记录",
                                                "\(unit.eventsAfterDecommissioning) events after decommissioning")
                        : "") + "</td>",
            ] },
            empty: filter.overdue
                ? LocalizedText(zh: "没有检验超期的设备。", en: "No unit is overdue for inspection.")
                : LocalizedText(zh: "还没有特种设备记录。", en: "No special-equipment unit is recorded yet.")
        )
        return try ConsolePage.response(title: Self.title, context: context, body: body)
    }
}
