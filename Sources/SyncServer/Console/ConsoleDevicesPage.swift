import SyncCore
import CentralCore
import CentralSQLite

/// The HTML of the console's devices page and of an issued enrollment code.
enum ConsoleDevicesPage {
    static let title = LocalizedText(zh: "设备", en: "Devices")

    /// How long a device may stay silent before the page marks it: a day.
    static let silentAfter: Int64 = 86_400_000

    /// The node filter, the device table (with a revoke form per live device for admins who may act) and the form
    /// that issues an enrollment code.
    static func body(devices: [CentralStore.DeviceActivity], nodes: [Node], selected: String?, admin: AdminPrincipal,
                     csrf: String, now: Int64) -> String {
        let acts = admin.role != .auditor
        var headers = [("节点", "Node"), ("设备", "Device"), ("检测员", "Inspector"), ("最后在线", "Last seen"),
                       ("已确认序号", "Acknowledged seq"), ("被拒条目", "Rejected entries"),
                       ("时钟偏差", "Clock skew"), ("状态", "Status")].map { ConsolePage.t($0.0, $0.1) }
        if acts { headers.append(ConsolePage.t("吊销", "Revoke")) }
        let rows = devices.map { activity in
            var cells = row(activity, now: now)
            if acts { cells.append(activity.device.revoked ? "" : revokeForm(activity.device, csrf: csrf)) }
            return cells
        }
        var html = filter(nodes: nodes, selected: selected)
        html += ConsolePage.table(headers, rows, empty: LocalizedText(zh: "没有已注册的设备。", en: "No enrolled devices."))
        if acts, !nodes.isEmpty { html += enrollForm(nodes: nodes, selected: selected, csrf: csrf) }
        return html
    }

    /// One device's cells.
    static func row(_ activity: CentralStore.DeviceActivity, now: Int64) -> [String] {
        let device = activity.device
        let lastSeen = device.lastSeenAt.map { seen in
            HTMLPage.escape(BusinessTime.display(seen))
                + (now - seen > silentAfter ? " <span class=\"hold\">\(ConsolePage.t("已沉默超过一天", "silent for over a day"))</span>" : "")
        } ?? ConsolePage.t("从未同步", "never synced")
        let status = device.revoked
            ? "<span class=\"hold\">\(ConsolePage.t("已吊销", "revoked"))</span>" : ConsolePage.t("正常", "active")
        return [
            HTMLPage.escape(device.node),
            "#\(device.deviceNumber) \(HTMLPage.escape(device.name))<br><span class=\"en mono\">\(HTMLPage.escape(device.id))</span>",
            activity.inspector.map(HTMLPage.escape) ?? "—",
            lastSeen,
            String(device.ackedSeq),
            activity.rejectedEntries > 0 ? "<span class=\"hold\">\(activity.rejectedEntries)</span>" : "0",
            activity.clockSkew.map(skew) ?? "—",
            status,
        ]
    }

    /// A clock skew in words: `快 3 分 5 秒 / 3 min 5 s ahead`, `慢 …/ … behind`, or `准 / in step` within a second.
    static func skew(_ millis: Int64) -> String {
        let seconds = abs(millis) / 1000
        guard seconds > 0 else { return ConsolePage.t("准", "in step") }
        let (days, hours, minutes, rest) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60)
        let parts: [(Int64, String, String)] = [(days, "天", "d"), (hours, "小时", "h"), (minutes, "分", "min"), (rest, "秒", "s")]
        let shown = parts.drop { $0.0 == 0 }.prefix(2).filter { $0.0 > 0 }
        let zh = shown.map { "\($0.0) \($0.1)" }.joined(separator: " "), en = shown.map { "\($0.0) \($0.2)" }.joined(separator: " ")
        return millis > 0 ? ConsolePage.t("快 \(zh)", "\(en) ahead") : ConsolePage.t("慢 \(zh)", "\(en) behind")
    }

    /// The GET form choosing one node or all.
    static func filter(nodes: [Node], selected: String?) -> String {
        let options = ["<option value=\"\">\(HTMLPage.escape("全部 / all"))</option>"] + nodes.map { node in
            "<option value=\"\(HTMLPage.escape(node.code))\"\(node.code == selected ? " selected" : "")>\(HTMLPage.escape("\(node.code) \(node.name)"))</option>"
        }
        return """
        <form method="get" action="/console/devices"><label>\(ConsolePage.t("节点", "Node")) \
        <select name="node">\(options.joined())</select></label>\
        <button type="submit">\(ConsolePage.t("筛选", "Filter"))</button></form>
        """
    }

    /// The revoke form of one device: a required note.
    static func revokeForm(_ device: CentralStore.DeviceRecord, csrf: String) -> String {
        ConsolePage.form(
            action: "/console/devices/\(device.id)/revoke", csrf: csrf, submit: LocalizedText(zh: "吊销", en: "Revoke"),
            fields: ConsolePage.input("note", label: LocalizedText(zh: "原因", en: "Reason"))
        )
    }

    /// The form issuing an enrollment code for one of `nodes`.
    static func enrollForm(nodes: [Node], selected: String?, csrf: String) -> String {
        let options = nodes.map { node in
            "<option value=\"\(HTMLPage.escape(node.code))\"\(node.code == selected ? " selected" : "")>\(HTMLPage.escape("\(node.code) \(node.name)"))</option>"
        }.joined()
        let fields = "<label>\(ConsolePage.t("节点", "Node"))<select name=\"node\">\(options)</select></label>"
            + ConsolePage.input("expires", label: LocalizedText(zh: "有效期（7d、24h 或日期）", en: "Valid for (7d, 24h or a date)"), value: "7d")
        return "<div class=\"card\"><h2>\(ConsolePage.t("签发设备注册码", "Issue an enrollment code"))</h2>"
            + ConsolePage.form(action: "/console/devices/enroll-code", csrf: csrf,
                               submit: LocalizedText(zh: "签发", en: "Issue"), fields: fields)
            + "</div>"
    }

    /// An issued code: the code, the `field enroll` line a device runs and the QR code of that line.
    static func issued(code: String, node: Node, line: String, expiresAt: Int64) throws -> String {
        let qr = try QRCode(encoding: line).svg(pixelsPerModule: 6, label: line)
        return """
        <div class="notice"><p>\(ConsolePage.t("注册码", "Enrollment code")): <strong class="mono" id="enroll-code">\(HTMLPage.escape(code))</strong></p>\
        <p>\(ConsolePage.t("节点", "Node")): \(HTMLPage.escape("\(node.code) \(node.name)"))</p>\
        <p>\(ConsolePage.t("有效期至", "Expires")): \(HTMLPage.escape(BusinessTime.display(expiresAt))) (UTC+8) · \
        \(ConsolePage.t("只能使用一次，本页之后不再显示", "works once and is not shown again after this page"))</p>\
        <p>\(ConsolePage.t("在设备上运行或扫描二维码", "Run on the device, or scan the QR code")):</p>\
        <p><code id="enroll-line">\(HTMLPage.escape(line))</code></p></div>
        <div class="card" id="enroll-qr">\(qr)</div>
        <p><a href="/console/devices?node=\(HTMLPage.escape(node.code))">\(ConsolePage.t("返回设备列表", "Back to the devices"))</a></p>
        """
    }
}
