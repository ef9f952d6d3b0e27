import SyncCore
import CentralCore
import CentralSQLite

/// The body of a conflict's page: what it is, the batch's timeline, the candidates side by side with the values
/// that differ marked, balance and buyers for an oversold batch, the actions its kind takes (each a form with a
/// required note) and, once settled, the resolution and the server entry devices will pull. Times in UTC+8.
struct ConsoleConflictPage {
    let record: ConflictRecord
    let timeline: [CentralStore.TimelineEvent]
    let state: BatchState?
    let serverEntry: JournalEntry?
    /// The session's CSRF token when the admin may act (province and node admins), else nil: no forms.
    let csrf: String?
    /// `resolved` or `released` after an action.
    let notice: String?

    var html: String {
        var body = ""
        switch notice {
        case "resolved": body += "<div class=\"notice\">\(ConsolePage.t("冲突已处理。设备下次同步时将拉取下方的服务器记录。", "The conflict is resolved. Devices pull the server entry below at their next sync."))</div>"
        case "released": body += "<div class=\"notice\">\(ConsolePage.t("扣留已解除。", "The hold is released."))</div>"
        default: break
        }
        body += summary + timelineTable + candidatesTable + balance
        if let resolution = record.resolution { body += resolved(resolution) } else if let csrf { body += actions(csrf) }
        if let csrf, let state, !state.heldBy.isEmpty { body += releaseForm(csrf, state: state) }
        body += "<p><a href=\"/console/conflicts\">\(ConsolePage.t("返回冲突队列", "Back to the queue"))</a></p>"
        return body
    }

    private var summary: String {
        var rows = [
            [ConsolePage.t("类型", "Kind"), ConsolePage.t(record.kind.label) + " <code>\(HTMLPage.escape(record.kind.rawValue))</code>"],
            [ConsolePage.t("状态", "Status"), record.status == .open ? ConsolePage.t("待处理", "open") : ConsolePage.t("已处理", "resolved")],
            [ConsolePage.t("节点", "Node"), HTMLPage.escape(record.node)],
            [ConsolePage.t("批次", "Batch"), record.batchCode.map(HTMLPage.code) ?? "-"],
            [ConsolePage.t("开启于", "Opened"), HTMLPage.escape(BusinessTime.display(record.openedAt)) + " (UTC+8)"],
        ]
        if let target = record.target { rows.append([ConsolePage.t("对象", "Target"), HTMLPage.escape(target)]) }
        if let field = record.field { rows.append([ConsolePage.t("字段", "Field"), HTMLPage.escape(field)]) }
        if let state, !state.heldBy.isEmpty {
            rows.append([ConsolePage.t("食品安全扣留", "Food-safety hold"), "<span class=\"hold\">\(ConsolePage.t("扣留中", "on hold"))</span> " + HTMLPage.escape(state.heldBy.joined(separator: ", "))])
        }
        return "<div class=\"card\">" + ConsolePage.table([ConsolePage.t("项目", "Item"), ConsolePage.t("内容", "Value")], rows) + "</div>"
    }

    private var timelineTable: String {
        guard record.batchCode != nil else { return "" }
        let rows = timeline.map { item -> [String] in
            let voided = state?.line(item.event.id)?.voidedBy != nil
            return [
                HTMLPage.escape(BusinessTime.display(item.deviceTime)),
                HTMLPage.escape(BusinessTime.display(item.receivedAt)),
                ConsolePage.t(item.event.body.kind.label) + (voided ? " <span class=\"hold\">\(ConsolePage.t("已作废", "voided"))</span>" : ""),
                ConsoleConflictText.summary(item.event.body),
                HTMLPage.escape("\(item.deviceId) #\(item.seq)"),
                HTMLPage.escape(item.event.author),
                "<code>\(HTMLPage.escape(item.event.id))</code>",
            ]
        }
        return "<h2>\(ConsolePage.t("批次时间线", "The batch's timeline"))</h2>" + ConsolePage.table(
            [ConsolePage.t("设备时间", "Device time"), ConsolePage.t("服务器接收时间", "Received by the server"), ConsolePage.t("类型", "Kind"),
             ConsolePage.t("内容", "What"), ConsolePage.t("设备", "Device"), ConsolePage.t("录入人", "Inspector"), ConsolePage.t("记录", "Event")],
            rows, empty: LocalizedText(zh: "服务器还没有这个批次的记录。", en: "The server has no event of this batch yet.")
        )
    }

    /// The candidates as columns, one row per detail; a row whose values differ is marked.
    private var candidatesTable: String {
        guard !record.candidates.isEmpty else { return "" }
        let c = record.candidates
        func row(_ label: String, _ values: [String], escape: Bool = true) -> [String] {
            let differ = Set(values).count > 1
            return [label] + values.map { "<td\(differ ? " class=\"diff\"" : "")>\(escape ? HTMLPage.escape($0) : $0)</td>" }
        }
        let rows = [
            row(ConsolePage.t("值", "Value"), c.map(\.value)),
            row(ConsolePage.t("设备", "Device"), c.map { "\($0.deviceId) #\($0.seq)" }),
            row(ConsolePage.t("录入人", "Inspector"), c.map(\.author)),
            row(ConsolePage.t("设备时间", "Device time"), c.map { BusinessTime.display($0.deviceTime) }),
            row("HLC", c.map(\.hlc.description)),
            row(ConsolePage.t("记录", "Event"), c.map(\.eventId)),
        ]
        let headers = [ConsolePage.t("候选", "Candidate")] + c.indices.map { "[\($0)]" }
        return "<h2>\(ConsolePage.t("候选值对比（不同之处已标出）", "Candidates side by side (differences marked)"))</h2>" + ConsolePage.table(headers, rows)
    }

    /// For an oversold batch: received, sold, disposed, the balance, and every sale with its buyer.
    private var balance: String {
        guard record.kind == .oversold, let state else { return "" }
        let sales = state.lines.compactMap { line -> [String]? in
            guard case .sale(let sale) = line.current else { return nil }
            return [
                HTMLPage.escape(ConsoleConflictText.buyer(sale)), HTMLPage.escape("\(sale.quantity) \(state.receipt.unit)"),
                HTMLPage.escape(BusinessTime.display(sale.time)), HTMLPage.escape(line.event.author),
                line.counts ? ConsolePage.t("计入", "counts") : ConsolePage.t("已作废", "voided"), "<code>\(HTMLPage.escape(line.event.id))</code>",
            ]
        }
        let unit = HTMLPage.escape(state.receipt.unit)
        return "<h2>\(ConsolePage.t("结存与买方", "Balance and buyers"))</h2><div class=\"card\">"
            + "<p>\(ConsolePage.t("进场", "Received")) \(HTMLPage.escape(state.received.description)) \(unit) · \(ConsolePage.t("售出", "Sold")) \(HTMLPage.escape(state.sold.description)) \(unit) · \(ConsolePage.t("销毁", "Disposed")) \(HTMLPage.escape(state.disposed.description)) \(unit) · "
            + "<strong>\(ConsolePage.t("结存", "Balance")) \(HTMLPage.escape(state.balance.description)) \(unit)</strong></p>"
            + ConsolePage.table(
                [ConsolePage.t("买方", "Buyer"), ConsolePage.t("数量", "Quantity"), ConsolePage.t("交易时间", "Sold at"), ConsolePage.t("录入人", "Inspector"), ConsolePage.t("状态", "State"), ConsolePage.t("记录", "Event")],
                sales, empty: LocalizedText(zh: "没有交易。", en: "No sales.")
            ) + "</div>"
    }

    /// One form per action the kind takes.
    private func actions(_ csrf: String) -> String {
        let note = "<label>\(ConsolePage.t("处理说明（必填）", "Note (required)"))<textarea name=\"note\" rows=\"2\" required></textarea></label>"
        let action = "/console/conflicts/\(record.id)/resolve"
        var forms = "<h2>\(ConsolePage.t("处理", "Resolve"))</h2>"
        for kind in record.kind.resolutionActions {
            var fields = "<input type=\"hidden\" name=\"action\" value=\"\(kind.rawValue)\">"
            switch kind {
            case .choose:
                fields += "<label>\(ConsolePage.t("选定候选值", "Candidate to keep"))<select name=\"candidate\">"
                    + record.candidates.indices.map { "<option value=\"\($0)\">[\($0)] \(HTMLPage.escape(record.candidates[$0].value))</option>" }.joined()
                    + "</select></label>"
            case .set:
                fields += ConsolePage.input("value", label: LocalizedText(zh: "新值", en: "New value"))
            case .void:
                let events = record.candidates.isEmpty ? timeline.map { ($0.event.id, $0.event.body.kind.label.zh) }
                    : record.candidates.map { ($0.eventId, $0.value) }
                fields += "<label>\(ConsolePage.t("要作废的记录", "Event to void"))<select name=\"eventId\">"
                    + events.map { "<option value=\"\(HTMLPage.escape($0.0))\">\(HTMLPage.escape("\($0.1) · \($0.0)"))</option>" }.joined()
                    + "</select></label>"
            case .accept:
                break
            }
            forms += "<div class=\"card\"><h3>\(ConsolePage.t(kind.label))</h3>"
                + ConsolePage.form(action: action, csrf: csrf, submit: kind.label, fields: fields + note) + "</div>"
        }
        return forms
    }

    private func releaseForm(_ csrf: String, state: BatchState) -> String {
        let note = "<label>\(ConsolePage.t("说明（必填，如复检合格的记录）", "Note (required, e.g. the passing re-test)"))<textarea name=\"note\" rows=\"2\" required></textarea></label>"
        return "<div class=\"card\"><h3>\(ConsolePage.t("解除食品安全扣留", "Release the food-safety hold"))</h3>"
            + "<p>\(ConsolePage.t("须在每个扣留原因之后有合格的复检记录。", "Needs a passing re-test after each cause of the hold."))</p>"
            + ConsolePage.form(action: "/console/conflicts/\(record.id)/release", csrf: csrf, submit: LocalizedText(zh: "解除扣留", en: "Release the hold"), fields: note)
            + "</div>"
    }

    /// The decision, and the server journal entry devices pull for it.
    private func resolved(_ resolution: ConflictResolution) -> String {
        var decision = ConsolePage.t(resolution.action.label)
        if let candidate = resolution.candidate { decision += " [\(candidate)]" }
        if let value = resolution.value { decision += " · " + HTMLPage.escape(value) }
        if let eventId = resolution.eventId { decision += " · <code>\(HTMLPage.escape(eventId))</code>" }
        var rows = [
            [ConsolePage.t("处理", "Decision"), decision],
            [ConsolePage.t("处理人", "By"), HTMLPage.escape(resolution.author)],
            [ConsolePage.t("时间", "At"), HTMLPage.escape(BusinessTime.display(resolution.resolvedAt)) + " (UTC+8)"],
            [ConsolePage.t("说明", "Note"), HTMLPage.escape(resolution.note)],
        ]
        if let entry = serverEntry {
            rows.append([ConsolePage.t("设备将拉取的服务器记录", "Server entry devices will pull"),
                         "<code>\(HTMLPage.escape("\(entry.deviceId) #\(entry.seq) · \(entry.kind.rawValue) · HLC \(entry.hlc)"))</code>"
                         + "<pre class=\"mono\">\(HTMLPage.escape(entry.payload.canonicalString))</pre>"])
        } else {
            rows.append([ConsolePage.t("服务器记录", "Server entry"), ConsolePage.t("无（接受现状不改变数据，设备拉取处理结果本身）", "none (accepting changes no data; devices pull the resolution itself)")])
        }
        return "<h2>\(ConsolePage.t("处理结果", "Resolution"))</h2>" + ConsolePage.table([ConsolePage.t("项目", "Item"), ConsolePage.t("内容", "Value")], rows)
    }
}
