import Crypto
import Foundation

/// The console's one stylesheet, inlined in every page's `<style>` and allowed by its SHA-256 hash in the
/// Content-Security-Policy, so no `'unsafe-inline'` and no extra request is needed.
enum ConsoleStyle {
    /// The CSS, exactly as it stands between `<style>` and `</style>`.
    static let css = """
    body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;line-height:1.5;color:#222;background:#f5f6f8}
    header{background:#123f6e;color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
    header a{color:#fff;text-decoration:none}header .who{margin-left:auto;font-size:.9em}
    header form{display:inline;margin:0}header button{margin:0;padding:2px 10px;background:#fff;color:#123f6e}
    main{max-width:1100px;margin:auto;padding:12px 16px}
    h1{font-size:1.4em;margin:.3em 0}h2{font-size:1.15em;margin:1em 0 .4em}
    .en{color:#666;font-size:.88em}header .en{color:#cfe0f5}p{margin:.3em 0}
    .card{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px;margin:10px 0}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:10px}
    .num{font-size:1.8em;font-weight:bold}
    .error{background:#fde8e8;border:2px solid #c62828;color:#8e0000;border-radius:8px;padding:12px;margin:10px 0}
    .notice{background:#e8f5e9;border:2px solid #2e7d32;border-radius:8px;padding:12px;margin:10px 0}
    .hold{color:#c62828;font-weight:bold}.pass{color:#2e7d32;font-weight:bold}.food{background:#fff3e0}
    table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde;padding:4px 8px;text-align:left;vertical-align:top}
    th{background:#eef2f7}td.diff{background:#fff59d;font-weight:bold}
    form{margin:8px 0}label{display:block;margin:6px 0}form.filters label{display:inline-block;margin-right:14px}
    input,select,textarea{font:inherit;padding:6px;border:1px solid #99a;border-radius:6px;box-sizing:border-box}
    form.stack input,form.stack textarea,form.stack select{width:100%;max-width:420px;display:block}
    button{font:inherit;margin-top:6px;padding:6px 18px;border:0;border-radius:6px;background:#1565c0;color:#fff;cursor:pointer}button .en{color:#dce8f7}header button .en{color:#456}
    code,.mono{font-family:"Noto Sans Mono CJK SC",monospace}pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3em 0}
    svg{max-width:100%;height:auto;background:#fff}
    """

    /// The `style-src` source that allows exactly `css`: `'sha256-…'`.
    static let hashSource: String = {
        let digest = SHA256.hash(data: Data(css.utf8))
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }()
}
