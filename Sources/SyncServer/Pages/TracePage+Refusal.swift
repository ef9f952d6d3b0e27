import SyncCore

extension TracePage {
    /// The page for a code that cannot be shown: unknown, mistyped or malformed, or a client over its rate limit.
    /// - Parameter typed: the code as the consumer typed it, shown back (escaped) so they can compare it.
    static func html(refusal: TraceSyncError, typed: String?) -> String {
        let (title, hint) = Self.explanation(refusal)
        var body = "<h1>\(HTMLPage.escape(title.zh))</h1><p class=\"en\">\(HTMLPage.escape(title.en))</p>"
        body += "<div class=\"notice\">" + HTMLPage.bilingual(hint.zh, hint.en) + "</div>"
        if let typed {
            body += "<p>您输入的 / You entered: <span class=\"code\">\(HTMLPage.escape(typed))</span></p>"
        }
        return HTMLPage.document(title: "\(title.zh) / \(title.en)", body: body)
    }

    /// The heading and what to do, by the refusal's code.
    private static func explanation(_ refusal: TraceSyncError) -> (title: LocalizedText, hint: LocalizedText) {
        switch refusal.code {
        case "unknown_code":
            (LocalizedText(zh: "查无此追溯码", en: "trace code not found"),
             LocalizedText(zh: "请核对收据上的追溯码；刚售出的商品要等市场设备同步后才能查到，请稍后再试。",
                           en: "Check the code on the receipt; goods sold just now can be found once the market's device has synced, so try again later."))
        case "trace_code_check":
            (LocalizedText(zh: "追溯码校验位错误", en: "trace code check digits do not match"),
             LocalizedText(zh: "有数字输错或前后颠倒：请对照收据重新输入 24 位数字。",
                           en: "A digit is mistyped or two are swapped: re-type the 24 digits from the receipt."))
        case "trace_code_format":
            (LocalizedText(zh: "追溯码格式错误", en: "not a valid trace code"),
             LocalizedText(zh: "追溯码为收据上的 24 位数字（可带空格）：请重新输入。",
                           en: "A trace code is the 24 digits on the receipt (spaces allowed): re-type it."))
        case "rate_limited":
            (LocalizedText(zh: "查询过于频繁", en: "too many lookups"), refusal.message)
        default:
            (LocalizedText(zh: "无法查询", en: "the code cannot be looked up"), refusal.message)
        }
    }
}
