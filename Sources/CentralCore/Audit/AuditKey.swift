internal import Crypto
import Foundation
public import SyncCore

/// The key the audit chain is keyed under: each record's hash is an HMAC-SHA256 under it, so a writer of the
/// database file who lacks the key cannot recompute the chain after editing, deleting or inserting a record.
///
/// Derived from the store's data key (`DataKey`) with HKDF-SHA256 under a label of its own, so it is kept wherever
/// the data key is kept (`TRACESYNC_DATA_KEY`, `--data-key-file`, `<db>.key`) — never in the database or its
/// backups — and no second secret needs looking after. The label keeps the two keys independent: the audit key
/// reveals nothing about the data key, and no personal-data envelope can pass for an audit hash.
package struct AuditKey {
    /// The HKDF label; a new label would be a new key, so it never changes for an existing chain.
    static let label = "tracesync audit chain hmac v2"

    private let key: SymmetricKey

    /// The audit key belonging to a data key.
    package init(dataKey: DataKey) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: dataKey.key, info: Data(Self.label.utf8), outputByteCount: 32
        )
    }

    /// HMAC-SHA256 of `bytes` under the key, as lowercase hex.
    func authenticationCode(for bytes: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        return code.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
