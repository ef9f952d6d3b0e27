import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console`: the overview of the signed-in admin's nodes (every node for province admins and auditors):
/// open conflicts by kind, batches under a food-safety hold, devices silent for over a day, entries rejected
/// today, open complaints, the supervision checks' open findings by severity and by check, and the last 30 days'
/// receipts and pass rate as charts.
struct ConsoleOverviewController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: overview)
    }

    @Sendable func overview(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let now = await service.now()
        let today = BusinessTime.dayOf(now)
        let first = BusinessTime.dayOf(now - 29 * 86_400_000)
        let conflicts = try await service.conflicts(status: .open, kind: nil, node: nil).filter { admin.mayAccess(node: $0.node) }
        let holds = try await service.holds(node: nil).filter { admin.mayAccess(node: $0.node) }
        let stats = try await service.stats(try DayRangeQuery(from: first, to: today, node: nil))
        let quiet = stats.quietDevices.filter { admin.mayAccess(node: $0.node) }
        let rejected = try await service.rejectedEntries(since: try BusinessTime.parse(today)).filter { admin.mayAccess(node: $0.key) }
        let days = stats.days.filter { admin.mayAccess(node: $0.node) }
        let scope = admin.isLimitedToNodes ? admin.nodes.joined(separator: "、") : "全部节点 / all nodes"
        var body = "<p>\(ConsolePage.t("范围", "Scope")): \(HTMLPage.escape(scope)) · \(ConsolePage.t("时间为中国标准时间（UTC+8）", "times in China Standard Time (UTC+8)"))</p>"
        body += "<div class=\"grid\">"
        body += Self.tile(LocalizedText(zh: "待处理冲突", en: "Open conflicts"), conflicts.count, link: "/console/conflicts?status=open")
        body += Self.tile(LocalizedText(zh: "食品安全扣留批次", en: "Batches on a food-safety hold"), holds.count, link: nil)
        body += Self.tile(LocalizedText(zh: "超过一天未同步的设备", en: "Devices silent over a day"), quiet.count, link: nil)
        body += Self.tile(LocalizedText(zh: "今日被拒条目", en: "Entries rejected today"), rejected.values.reduce(0, +), link: nil)
        let complaints = try await service.openComplaintCounts().filter { admin.mayAccess(node: $0.key) }.values.reduce(0, +)
        body += Self.tile(LocalizedText(zh: "待处理投诉", en: "Open complaints"), complaints, link: "/console/complaints")
        let findings = ConsoleOverviewFindings(try await service.openFindingCounts()) { admin.mayAccess(node: $0) }
        body += Self.tile(LocalizedText(zh: "待跟进的核查发现", en: "Open findings"), findings.total, link: "/console/findings")
        let overdue = try await service.overdueEquipmentCounts().filter { admin.mayAccess(node: $0.key) }.values.reduce(0, +)
        body += Self.tile(LocalizedText(zh: "检验超期的特种设备", en: "Special equipment overdue for inspection"), overdue,
                          link: "/console/equipment?overdue=true")
        body += "</div>"
        body += "<h2>\(ConsolePage.t("待处理冲突（按类型）", "Open conflicts by kind"))</h2>"
        let byKind = Dictionary(grouping: conflicts, by: \.kind)
        body += ConsolePage.table(
            [ConsolePage.t("类型", "Kind"), ConsolePage.t("数量", "Count")],
            ConsoleConflictText.kindsInQueueOrder.compactMap { kind in
                byKind[kind].map { ["<a href=\"/console/conflicts?status=open&amp;kind=\(kind.rawValue)\">\(ConsolePage.t(kind.label))</a>", String($0.count)] }
            },
            empty: LocalizedText(zh: "没有待处理的冲突。", en: "No open conflicts.")
        )
        body += findings.tables
        body += "<h2>\(ConsolePage.t("扣留中的批次", "Batches on hold"))</h2>"
        body += ConsolePage.table(
            [ConsolePage.t("批次", "Batch"), ConsolePage.t("节点", "Node"), ConsolePage.t("产品", "Product"), ConsolePage.t("冲突", "Conflicts"), ConsolePage.t("能否解除", "Release now?")],
            holds.map { hold in [
                HTMLPage.code(hold.code), HTMLPage.escape(hold.node), HTMLPage.escape(hold.product),
                hold.openConflicts.map { "<a href=\"/console/conflicts/\($0)\">#\($0)</a>" }.joined(separator: " "),
                hold.releaseRefusal.map { ConsolePage.t($0) } ?? ConsolePage.t("可以解除（须填写说明）", "yes, with a note"),
            ] },
            empty: LocalizedText(zh: "没有扣留中的批次。", en: "No batch is on hold.")
        )
        body += "<h2>\(ConsolePage.t("超过一天未同步的设备", "Devices silent over a day"))</h2>"
        body += ConsolePage.table(
            [ConsolePage.t("设备", "Device"), ConsolePage.t("节点", "Node"), ConsolePage.t("最后同步", "Last seen")],
            quiet.map { [HTMLPage.escape("\($0.name) (\($0.id))"), HTMLPage.escape($0.node), HTMLPage.escape($0.lastSeenAt.map(BusinessTime.display) ?? "从未 / never")] },
            empty: LocalizedText(zh: "所有设备一天内都同步过。", en: "Every device synced within a day.")
        )
        body += "<h2>\(ConsolePage.t("近 30 天", "The last 30 days"))</h2>"
        body += Self.charts(days, from: now)
        return try ConsolePage.response(title: LocalizedText(zh: "概览", en: "Overview"), context: context, body: body)
    }

    /// A number tile, linked when it has a page.
    private static func tile(_ label: LocalizedText, _ count: Int, link: String?) -> String {
        let number = "<div class=\"num\">\(count)</div>"
        return "<div class=\"card\">\(ConsolePage.t(label))\(link.map { "<a href=\"\(HTMLPage.escape($0))\">\(number)</a>" } ?? number)</div>"
    }

    /// The receipts and pass-rate charts of the 30 days ending today, summed over the admin's nodes.
    private static func charts(_ days: [SupervisionStats.Day], from now: Int64) -> String {
        let byDay = Dictionary(grouping: days, by: \.day)
        let labels = (0..<30).reversed().map { BusinessTime.dayOf(now - Int64($0) * 86_400_000) }
        let receipts = labels.map { ConsoleChart.Bar(day: $0, value: Double(byDay[$0]?.reduce(0) { $0 + $1.receipts } ?? 0)) }
        let rates = labels.map { day -> ConsoleChart.Bar in
            let rows = byDay[day] ?? []
            let inspections = rows.reduce(0) { $0 + $1.inspections }, passed = rows.reduce(0) { $0 + $1.inspectionsPassed }
            return ConsoleChart.Bar(day: day, value: inspections == 0 ? nil : Double(passed) / Double(inspections))
        }
        return "<div class=\"card\">"
            + ConsoleChart.bars(receipts, title: LocalizedText(zh: "每日进场登记", en: "Receipts a day"), colour: "#1565c0") { String(Int($0)) }
            + "</div><div class=\"card\">"
            + ConsoleChart.bars(rates, title: LocalizedText(zh: "每日检测合格率", en: "Pass rate a day"), maximum: 1, colour: "#2e7d32") { "\(Int(($0 * 100).rounded()))%" }
            + "<p class=\"en\">\(ConsolePage.t("无检测的日子不画柱。", "Days without inspections have no bar."))</p></div>"
    }
}
