import Hummingbird

/// The shell of the server's few HTML pages: escaped text, a phone-sized layout with inline CSS, no JavaScript.
enum HTMLPage {
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
        body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;max-width:640px;margin:auto;line-height:1.5;color:#222;background:#fafafa}
        h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1em 0 .4em}
        .en{color:#666;font-size:.9em;margin:0}p{margin:.3em 0}
        .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin:10px 0}
        .hold{background:#fde8e8;border:2px solid #c62828;color:#8e0000;border-radius:8px;padding:12px;margin:10px 0;font-weight:bold}
        .notice{background:#fff8e1;border:2px solid #f9a825;border-radius:8px;padding:12px;margin:10px 0}
        .pass{color:#2e7d32;font-weight:bold}.fail{color:#c62828;font-weight:bold}
        ol{padding-left:1.2em}ul{padding-left:1.2em;margin:.3em 0}.code{font-family:monospace;font-size:1.05em;word-break:break-all}
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// An HTML response with `status`.
    static func response(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A paragraph in Chinese with its English under it, both escaped.
    static func bilingual(_ zh: String, _ en: String) -> String {
        "<p>\(escape(zh))</p><p class=\"en\">\(escape(en))</p>"
    }
}
