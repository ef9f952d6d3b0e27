import Crypto
import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// A signed-in admin's console session: the session token the `tracesync_console` cookie carries (the same kind of
/// token `POST /v1/auth/login` hands out, so sessions end, expire and lock exactly as the API's do), the admin it
/// belongs to, and the CSRF token every console form must send back.
struct ConsoleSession: Sendable {
    /// The session token from the cookie.
    let token: String
    /// Who is signed in.
    let admin: AdminPrincipal

    /// The CSRF token of this session: an HMAC of a fixed label under the session token, so it is the same on every
    /// page of the session, unknown to anyone who cannot read the (HttpOnly) cookie, and needs no storage.
    var csrf: String { Self.csrf(for: token) }

    /// The cookie holding the session token.
    static let cookieName = "tracesync_console"
    /// The cookie holding the sign-in forms' CSRF token, before there is a session.
    static let formCookieName = "tracesync_console_form"
    /// The form field every console form sends its CSRF token in.
    static let csrfField = "csrf"

    /// The CSRF token tied to a session token.
    static func csrf(for token: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("tracesync-console-csrf".utf8), using: SymmetricKey(data: Data(token.utf8)))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// A fresh random token of 32 bytes, hex: for the sign-in forms' CSRF cookie.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Whether two tokens are equal, compared in time that does not depend on where they first differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A console cookie: `HttpOnly`, `SameSite=Strict`, `Path=/console`, and `Secure` when the server runs TLS.
    /// An empty `value` with `maxAge` 0 clears it.
    static func cookie(_ name: String, value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/console", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
