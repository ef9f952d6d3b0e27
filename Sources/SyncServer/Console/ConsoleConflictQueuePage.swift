import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The queue's filter as the form sends it: node, kind, status (open unless another is chosen; blank for any) and
/// the days the conflict opened, `from` … `to` (UTC+8, both included).
struct ConsoleConflictFilter {
    let query: ConflictQuery
    /// The status as chosen, `open`, `resolved` or blank for any.
    let statusText: String
    let from: String?
    let to: String?

    /// Reads the query; a blank value is no filter.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the parameter at fault.
    init(_ parameters: Parameters) throws {
        func value(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        }
        statusText = parameters.get("status").map { $0.trimmingCharacters(in: .whitespaces) } ?? "open"
        query = try ConflictQuery(status: statusText.isEmpty ? nil : statusText, kind: value("kind"), node: value("node"))
        from = try value("from").map { try QueryValue.day($0, "from") }
        to = try value("to").map { try QueryValue.day($0, "to") }
    }

    /// Whether the conflict opened within the days asked for.
    func admits(_ record: ConflictRecord) -> Bool {
        let day = BusinessTime.dayOf(record.openedAt)
        return from.map { day >= $0 } ?? true && to.map { day <= $0 } ?? true
    }
}

/// The queue page's parts.
enum ConsoleConflictQueuePage {
    /// The filter form (a GET, so it needs no CSRF token and the filtered queue can be bookmarked).
    static func filterForm(_ filter: ConsoleConflictFilter, nodes: [Node]) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTMLPage.escape(value))\"\(selected ? " selected" : "")>\(HTMLPage.escape(label))</option>"
        }
        let nodeOptions = [option("", "全部 any", selected: filter.query.node == nil)]
            + nodes.map { option($0.code, "\($0.code) \($0.name)", selected: filter.query.node == $0.code) }
        let kindOptions = [option("", "全部 any", selected: filter.query.kind == nil)]
            + ConsoleConflictText.kindsInQueueOrder.map { option($0.rawValue, "\($0.label.zh) / \($0.label.en)", selected: filter.query.kind == $0) }
        let statusOptions = [
            option("open", "待处理 open", selected: filter.statusText == "open"),
            option("resolved", "已处理 resolved", selected: filter.statusText == "resolved"),
            option("", "全部 any", selected: filter.statusText.isEmpty),
        ]
        return """
        <form method="get" action="/console/conflicts" class="card filters">\
        <label>\(ConsolePage.t("节点", "Node")) <select name="node">\(nodeOptions.joined())</select></label>\
        <label>\(ConsolePage.t("类型", "Kind")) <select name="kind">\(kindOptions.joined())</select></label>\
        <label>\(ConsolePage.t("状态", "Status")) <select name="status">\(statusOptions.joined())</select></label>\
        <label>\(ConsolePage.t("开启日期（起）", "Opened from")) <input type="date" name="from" value="\(HTMLPage.escape(filter.from ?? ""))"></label>\
        <label>\(ConsolePage.t("开启日期（止）", "Opened to")) <input type="date" name="to" value="\(HTMLPage.escape(filter.to ?? ""))"></label>\
        <button type="submit">\(ConsolePage.t("筛选", "Filter"))</button></form>
        """
    }

    /// The conflicts as a table, each linked to its page; food-safety rows marked.
    static func table(_ records: [ConflictRecord]) -> String {
        let rows = records.map { record -> [String] in
            let food = ConsoleConflictText.foodSafetyKinds.contains(record.kind)
            let cell = { (html: String) in food ? "<td class=\"food\">\(html)</td>" : "<td>\(html)</td>" }
            return [
                cell("<a href=\"/console/conflicts/\(record.id)\">#\(record.id)</a>"),
                cell(ConsolePage.t(record.kind.label)),
                cell(HTMLPage.escape(record.node)),
                cell(record.batchCode.map(HTMLPage.code) ?? "-"),
                cell(record.status == .open ? ConsolePage.t("待处理", "open") : ConsolePage.t("已处理", "resolved")),
                cell(String(record.candidates.count)),
                cell(HTMLPage.escape(BusinessTime.display(record.openedAt))),
            ]
        }
        return ConsolePage.table(
            [ConsolePage.t("编号", "Id"), ConsolePage.t("类型", "Kind"), ConsolePage.t("节点", "Node"), ConsolePage.t("批次", "Batch"),
             ConsolePage.t("状态", "Status"), ConsolePage.t("候选", "Candidates"), ConsolePage.t("开启于（UTC+8）", "Opened (UTC+8)")],
            rows, empty: LocalizedText(zh: "没有符合条件的冲突。", en: "No conflict matches.")
        )
    }
}
