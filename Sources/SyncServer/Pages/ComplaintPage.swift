import SyncCore
import CentralCore
import CentralSQLite

/// The shopper's side of a complaint: the form on the trace page (a plain POST, no JavaScript, signed by a token
/// bound to the code), the page a refused form comes back on with what to change, and the receipt's status page.
enum ComplaintPage {
    /// The form for trace code `code` (its 24 digits), filled in with `values` when a refused form comes back.
    /// - Parameter open: whether the form shows unfolded (a refused form) or folded under its heading.
    static func form(code: String, token: String, values: ComplaintForm = ComplaintForm(), open: Bool = false) -> String {
        let options = ComplaintCategory.allCases.map { category in
            let selected = values.category == category.rawValue ? " selected" : ""
            return "<option value=\"\(category.rawValue)\"\(selected)>\(HTMLPage.escape("\(category.label.zh) / \(category.label.en)"))</option>"
        }.joined()
        return """
        <details class="card" id="complaint"\(open ? " open" : "")><summary>反映问题 / Report a problem</summary>\
        \(HTMLPage.bilingual("买到的商品有问题？告诉售出的市场，无需注册。请勿填写他人的个人信息。", "Something wrong with what you bought? Tell the market that sold it; no account needed. Do not give anyone else's personal details."))\
        <form method="post" action="/t/\(HTMLPage.escape(code))/complaints">\
        <input type="hidden" name="token" value="\(HTMLPage.escape(token))">\
        <label for="category">问题类型 / What is wrong</label>\
        <select id="category" name="category" required><option value="">请选择 / Choose</option>\(options)</select>\
        <label for="text">问题描述（纯文字，最多 \(ComplaintDraft.maxTextLength) 字）/ What happened (plain text, at most \(ComplaintDraft.maxTextLength) characters)</label>\
        <textarea id="text" name="text" rows="5" maxlength="\(ComplaintDraft.maxTextLength)" required>\(HTMLPage.escape(values.text ?? ""))</textarea>\
        <label for="phone">联系电话（选填，仅市场可见）/ Phone (optional, seen by the market only)</label>\
        <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="24" value="\(HTMLPage.escape(values.phone ?? ""))">\
        <button type="submit">提交投诉 / Submit</button></form></details>
        """
    }

    /// The page a refused form comes back on: what is wrong and what to do, then the form again with what was typed
    /// (escaped) and a fresh token, so nothing is lost and nothing was saved.
    static func refused(_ refusal: TraceSyncError, code: String, values: ComplaintForm, token: String?) -> String {
        var body = "<h1>投诉未提交</h1><p class=\"en\">The complaint was not submitted</p>"
        body += "<div class=\"notice\">" + HTMLPage.bilingual(refusal.message.zh, refusal.message.en) + "</div>"
        if let token { body += form(code: code, token: token, values: values, open: true) }
        body += backLink(code)
        return HTMLPage.document(title: "投诉未提交 / The complaint was not submitted", body: body)
    }

    /// The status page of a complaint, for the shopper who holds its receipt number.
    static func status(_ view: Complaint.ShopperView) -> String {
        var body = "<h1>投诉回执</h1><p class=\"en\">Complaint receipt</p>"
        body += "<div class=\"card\"><p>回执号 / Receipt number</p><p class=\"code\" id=\"receipt\">\(HTMLPage.escape(view.receipt))</p>"
        body += HTMLPage.bilingual("请保存回执号或本页地址，以便查看处理进度。", "Keep the receipt number or this page's address to follow your complaint.")
        body += "</div><div class=\"card\">"
        body += "<p>状态 / Status: <strong id=\"status\">\(HTMLPage.escape("\(view.status.label.zh) / \(view.status.label.en)"))</strong></p>"
        body += HTMLPage.bilingual("提交时间：\(BusinessTime.display(view.filedAt))", "Filed: \(BusinessTime.display(view.filedAt))")
        body += HTMLPage.bilingual("问题类型：\(view.category.label.zh)", "What is wrong: \(view.category.label.en)")
        body += "<p>您的描述 / What you wrote:</p><p class=\"pre\">\(HTMLPage.escape(view.text))</p></div>"
        if let reply = view.reply {
            body += "<div class=\"card\" id=\"reply\"><p><strong>市场答复 / The market's reply</strong>"
            if let answeredAt = view.answeredAt { body += "（\(HTMLPage.unbroken(HTMLPage.escape(BusinessTime.display(answeredAt)))))" }
            body += "</p><p class=\"pre\">\(HTMLPage.escape(reply))</p></div>"
        } else {
            body += "<div class=\"notice\">" + HTMLPage.bilingual(
                "售出的市场会处理您的投诉，答复将显示在本页。",
                "The market that sold the goods will look into your complaint; its reply will show on this page."
            ) + "</div>"
        }
        body += backLink(view.code)
        return HTMLPage.document(title: "投诉回执 \(view.receipt) / Complaint receipt", body: body)
    }

    /// The page of a receipt number that names no complaint of this code.
    static func unknown(_ refusal: TraceSyncError, code: String) -> String {
        let body = "<h1>查无此投诉</h1><p class=\"en\">complaint not found</p><div class=\"notice\">"
            + HTMLPage.bilingual(refusal.message.zh, refusal.message.en) + "</div>" + backLink(code)
        return HTMLPage.document(title: "查无此投诉 / complaint not found", body: body)
    }

    /// A link back to the code's trace page.
    private static func backLink(_ code: String) -> String {
        let digits = (try? PublicCode(parsing: code).digits) ?? ""
        return digits.isEmpty ? "" : "<p><a href=\"/t/\(digits)\">返回追溯页面 / Back to the trace page</a></p>"
    }
}
