import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The console's page shell and HTML helpers: every console page is built with these, so each carries the strict
/// Content-Security-Policy, the navigation, and Chinese first with the English beside it. Text goes in through
/// `HTMLPage.escape` (or `t`), never raw.
///
/// For a new page: a handler behind `ConsoleAuthMiddleware` builds its body with `t`, `table`, `form` and returns
/// `ConsolePage.response(title:context:body:)`. Every `form` carries the session's CSRF token; every POST without it is
/// refused with 403 before the handler runs.
enum ConsolePage {
    /// What a console page may load: nothing but its own hashed stylesheet and `data:` images; its forms post only
    /// to this server and no other site may frame it. No script at all.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src \(ConsoleStyle.hashSource); img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Chinese with its English beside it, both escaped: `中文 <span class="en">English</span>`.
    static func t(_ zh: String, _ en: String) -> String {
        "\(HTMLPage.escape(zh)) <span class=\"en\">\(HTMLPage.escape(en))</span>"
    }

    /// Localized text as `t` shows it.
    static func t(_ text: LocalizedText) -> String { t(text.zh, text.en) }

    /// A table with bilingual `headers` (HTML) and `rows` of cells (HTML, already escaped).
    static func table(_ headers: [String], _ rows: [[String]], empty: LocalizedText? = nil) -> String {
        if rows.isEmpty, let empty { return "<p>\(t(empty))</p>" }
        let head = headers.map { "<th>\($0)</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { $0.hasPrefix("<td") ? $0 : "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    /// A POST form to `action` (a console path) holding `fields` (HTML) and the CSRF token, with a bilingual submit
    /// button.
    static func form(action: String, csrf: String, submit: LocalizedText, fields: String = "", stacked: Bool = true) -> String {
        """
        <form method="post" action="\(HTMLPage.escape(action))"\(stacked ? " class=\"stack\"" : "")>\
        <input type="hidden" name="\(ConsoleSession.csrfField)" value="\(HTMLPage.escape(csrf))">\(fields)\
        <button type="submit">\(t(submit))</button></form>
        """
    }

    /// A labelled input for a form: `type` text, password, date, number…
    static func input(_ name: String, label: LocalizedText, type: String = "text", value: String = "", required: Bool = true) -> String {
        "<label>\(t(label))<input type=\"\(type)\" name=\"\(HTMLPage.escape(name))\" value=\"\(HTMLPage.escape(value))\"\(required ? " required" : "")></label>"
    }

    /// A whole page: the navigation for `session`'s admin (none before sign-in), the bilingual `title`, and `body`.
    static func document(title: LocalizedText, session: ConsoleSession?, body: String) -> String {
        var header = "<header><strong>\(t("溯源同步 管理控制台", "TraceSync console"))</strong>"
        if let session {
            header += """
            <a href="/console">\(t("概览", "Overview"))</a>\
            <a href="/console/conflicts">\(t("冲突", "Conflicts"))</a>
            """
            header += ConsoleNavigation.extraLinks.map { "<a href=\"\(HTMLPage.escape($0.path))\">\(t($0.label))</a>" }.joined()
            header += "<span class=\"who\">\(HTMLPage.escape(session.admin.name))（\(t(session.admin.role.label))）</span>"
            header += form(action: "/console/logout", csrf: session.csrf, submit: LocalizedText(zh: "退出", en: "Sign out"), stacked: false)
        }
        header += "</header>"
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLPage.escape(title.zh)) / \(HTMLPage.escape(title.en))</title>
        <style>\(ConsoleStyle.css)</style>
        </head>
        <body>
        \(header)
        <main>
        <h1>\(t(title))</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// An HTML response under the console's policy; never cached, since it shows live, per-admin data.
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy,
                .cacheControl: "no-store", .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A page for the signed-in admin of `context`.
    static func response(title: LocalizedText, context: SyncRequestContext, body: String, status: HTTPResponse.Status = .ok) throws -> Response {
        response(document(title: title, session: try context.requireConsole(), body: body), status: status)
    }

    /// A 303 redirect to `path` (after a form post, so reloading does not post again).
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }
}

/// The pages listed in the console's header beyond the overview and conflicts, in order. Add a page here when it is
/// routed (see `ConsoleRoutes`).
enum ConsoleNavigation {
    /// A header link.
    struct Link: Sendable {
        let path: String
        let label: LocalizedText
    }

    /// The links after 概览 and 冲突.
    static let extraLinks: [Link] = [
        Link(path: "/console/devices", label: LocalizedText(zh: "设备", en: "Devices")),
        Link(path: "/console/operators", label: LocalizedText(zh: "经营者", en: "Operators")),
        Link(path: "/console/credit", label: LocalizedText(zh: "信用", en: "Credit")),
        Link(path: "/console/recall", label: LocalizedText(zh: "召回", en: "Recall")),
        Link(path: "/console/findings", label: LocalizedText(zh: "核查发现", en: "Findings")),
        Link(path: "/console/complaints", label: LocalizedText(zh: "投诉", en: "Complaints")),
        Link(path: "/console/equipment", label: LocalizedText(zh: "特种设备", en: "Special equipment")),
        Link(path: "/console/stats", label: LocalizedText(zh: "统计与导出", en: "Stats and exports")),
        Link(path: "/console/users", label: LocalizedText(zh: "用户", en: "Users")),
        Link(path: "/console/audit", label: LocalizedText(zh: "审计", en: "Audit")),
    ]
}
