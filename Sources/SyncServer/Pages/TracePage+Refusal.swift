import SyncCore
import CentralCore
import CentralSQLite

extension TracePage {
    /// The page for a code that cannot be shown: unknown, voided, mistyped or malformed, or a client over its rate
    /// limit. Each but the last ends with a form to type the code again (a plain GET to `/t`, no JavaScript).
    /// - Parameter typed: the code as the consumer typed it, shown back (escaped) so they can compare it.
    static func html(refusal: TraceSyncError, typed: String?) -> String {
        let (title, hint) = Self.explanation(refusal)
        var body = "<h1>\(HTMLPage.escape(title.zh))</h1><p class=\"en\">\(HTMLPage.escape(title.en))</p>"
        body += "<div class=\"notice\">" + HTMLPage.bilingual(hint.zh, hint.en) + "</div>"
        if let typed {
            body += "<p>您输入的 / You entered:</p><p>\(HTMLPage.code(typed))</p>"
        }
        if refusal.code != .rateLimited { body += lookupForm(typed: typed) }
        return HTMLPage.document(title: "\(title.zh) / \(title.en)", body: body)
    }

    /// The page `GET /t` shows without a code: the form alone.
    static func lookupPage() -> String {
        let body = "<h1>查询追溯码</h1><p class=\"en\">Look up a trace code</p>"
            + HTMLPage.bilingual("请输入收据上的 24 位追溯码（可带空格）。", "Type the 24-digit code on your receipt (spaces allowed).")
            + lookupForm(typed: nil)
        return HTMLPage.document(title: "查询追溯码 / Look up a trace code", body: body)
    }

    /// A form that sends the code typed into it to `GET /t?code=…`, filled in with `typed` (digits in groups of
    /// four, as on the receipt, so the mistake is easy to find).
    static func lookupForm(typed: String?) -> String {
        let value = typed.map { HTMLPage.groupsOfFour($0)?.joined(separator: " ") ?? $0 } ?? ""
        let label = typed == nil ? "追溯码 / Trace code" : "重新输入追溯码 / Type the code again"
        return """
        <form action="/t" method="get"><label for="code">\(label)</label>\
        <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="64" value="\(HTMLPage.escape(value))">\
        <button type="submit">查询 / Look up</button></form>
        """
    }

    /// The heading and what to do, by the refusal's code.
    private static func explanation(_ refusal: TraceSyncError) -> (title: LocalizedText, hint: LocalizedText) {
        switch refusal.code {
        case .unknownCode:
            (LocalizedText(zh: "查无此追溯码", en: "trace code not found"),
             LocalizedText(zh: "请核对收据上的追溯码；刚售出的商品要等市场设备同步后才能查到，请稍后再试。",
                           en: "Check the code on the receipt; goods sold just now can be found once the market's device has synced, so try again later."))
        case .voidedCode:
            (LocalizedText(zh: "这笔销售已被市场作废", en: "the market voided this sale"), refusal.message)
        case .traceCodeCheck:
            (LocalizedText(zh: "追溯码校验位错误", en: "trace code check digits do not match"),
             LocalizedText(zh: "有数字输错或前后颠倒：请对照收据重新输入 24 位数字。",
                           en: "A digit is mistyped or two are swapped: re-type the 24 digits from the receipt."))
        case .traceCodeFormat:
            (LocalizedText(zh: "追溯码格式错误", en: "not a valid trace code"),
             LocalizedText(zh: "追溯码为收据上的 24 位数字（可带空格）：请重新输入。",
                           en: "A trace code is the 24 digits on the receipt (spaces allowed): re-type it."))
        case .rateLimited:
            (LocalizedText(zh: "查询过于频繁", en: "too many lookups"), refusal.message)
        default:
            (LocalizedText(zh: "无法查询", en: "the code cannot be looked up"), refusal.message)
        }
    }
}
