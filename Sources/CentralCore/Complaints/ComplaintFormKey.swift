internal import Crypto
import Foundation
public import SyncCore

/// Signs the anonymous complaint form, in place of a session's CSRF token: a token carries the time it was issued
/// and an HMAC-SHA256 of the trace code and that time, so a form posted from another site, for another code, or
/// long after the page was opened is refused, and nothing needs storing.
///
/// The key is derived from the store's data key with HKDF-SHA256 under a label of its own, as `AuditKey` is: kept
/// wherever the data key is kept, independent of it and of the audit key.
package struct ComplaintFormKey: Sendable {
    static let label = "tracesync complaint form hmac v1"
    /// How long a form stays valid after the page was opened, in milliseconds (two hours).
    package static let lifetime: Int64 = 2 * 3_600_000
    /// How far ahead of the server's clock an issue time may be (another server's clock), in milliseconds.
    static let skew: Int64 = 60_000

    /// The derived key's bytes (`SymmetricKey` is not `Sendable`; `DataKey` keeps its bytes the same way).
    private let bytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// The form key belonging to the data key the cipher seals with.
    package init(sealingWith cipher: PersonalDataCipher) {
        bytes = HKDF<SHA256>.deriveKey(inputKeyMaterial: cipher.key.key, info: Data(Self.label.utf8), outputByteCount: 32)
            .withUnsafeBytes { Array($0) }
    }

    /// A token for the form of trace code `code` (its 24 digits), issued at `now` (milliseconds).
    package func token(code: String, now: Int64) -> String {
        let issued = now / 1000
        return "\(issued).\(mac(code: code, issued: issued))"
    }

    /// Checks a posted token against the code it was posted for.
    /// - Throws: `TraceSyncError` `complaint_form` when it is missing, forged, for another code or expired.
    package func check(_ token: String, code: String, now: Int64) throws {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let issued = Int64(parts[0]), Self.same(String(parts[1]), mac(code: code, issued: issued)),
              issued * 1000 <= now + Self.skew, now - issued * 1000 <= Self.lifetime
        else { throw Self.refusal }
    }

    /// The refusal of a form whose token does not check.
    static let refusal = TraceSyncError(
        .complaintForm, field: "token",
        zh: "投诉表单已过期或无效，未保存任何内容：请在下方重新提交（表单在打开页面后两小时内有效）。",
        en: "the complaint form has expired or is not valid, so nothing was saved: submit it again below (a form is valid for two hours after the page was opened)."
    )

    private func mac(code: String, issued: Int64) -> String {
        let message = Data("complaint-form\u{0}\(code)\u{0}\(issued)".utf8)
        return HMAC<SHA256>.authenticationCode(for: message, using: key).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
