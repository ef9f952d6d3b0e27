import Hummingbird

/// The shell of the server's few HTML pages: escaped text, a phone-sized layout with inline CSS, no JavaScript.
enum HTMLPage {
    /// What a page may load: its own inline style and nothing else — no script, image, frame or font from anywhere;
    /// its forms submit only to this server.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// `text` with the characters that mean something in HTML (`& < > " '`) escaped, for element text and
    /// attribute values alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A trace code (or what was typed for one) as people read it off a receipt: digits in groups of four, each
    /// group in a `nowrap` span so a narrow screen breaks the line only between groups. Text that is not all digits
    /// is shown as it is, escaped, and may break anywhere.
    static func code(_ text: String) -> String {
        guard let groups = groupsOfFour(text) else { return "<span class=\"code\">\(escape(text))</span>" }
        return "<span class=\"code\">" + groups.map { "<span class=\"g\">\($0)</span>" }.joined(separator: " ") + "</span>"
    }

    /// The digits of `text` in groups of four (`4601`, `0001`, …), or nil when it holds anything but digits and
    /// spaces.
    static func groupsOfFour(_ text: String) -> [String]? {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        var groups: [String] = []
        var rest = Substring(compact)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups
    }

    /// A whole document titled `title` (plain text, escaped here) around `body` (HTML, already escaped).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;max-width:640px;margin:auto;line-height:1.5;color:#222;background:#fafafa;overflow-wrap:anywhere}
        h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1em 0 .4em}
        .en{color:#666;font-size:.9em;margin:0}p{margin:.3em 0}
        .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin:10px 0}
        .hold{background:#fde8e8;border:2px solid #c62828;color:#8e0000;border-radius:8px;padding:12px;margin:10px 0;font-weight:bold}
        .hold .en{color:#8e0000}
        .notice{background:#fff8e1;border:2px solid #f9a825;border-radius:8px;padding:12px;margin:10px 0}
        .pass{color:#2e7d32;font-weight:bold}.fail{color:#c62828;font-weight:bold}
        ol{padding-left:1.2em}ul{padding-left:1.2em;margin:.3em 0}
        .code{font-family:"Noto Sans Mono CJK SC",monospace;font-size:1.15em;letter-spacing:.02em}.g,.n{white-space:nowrap}
        form{margin:12px 0}label{display:block;margin-bottom:6px}
        input,select,textarea{font:inherit;font-size:1.1em;width:100%;box-sizing:border-box;padding:8px;border:1px solid #999;border-radius:6px}
        label{margin-top:8px}summary{font-weight:bold;cursor:pointer}.pre{white-space:pre-wrap}
        button{font:inherit;margin-top:8px;padding:8px 20px;border:0;border-radius:6px;background:#1565c0;color:#fff}
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// An HTML response with `status`, under the pages' content security policy.
    static func response(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A paragraph in Chinese with its English under it, both escaped, numbers kept whole.
    static func bilingual(_ zh: String, _ en: String) -> String {
        "<p>\(unbroken(escape(zh)))</p><p class=\"en\">\(unbroken(escape(en)))</p>"
    }

    /// Escaped `html` with each number written in groups (a phone number `0898-6652 0173`, a time `2026-12-02 07:12`)
    /// in a `nowrap` span, so a narrow screen never breaks the line inside it.
    static func unbroken(_ html: String) -> String {
        html.replacing(/[0-9]+(?:[ \-:][0-9]+)+/) { "<span class=\"n\">\($0.output)</span>" }
    }
}
