import Foundation
internal import Crypto
public import SyncCore

/// One string sealed on its own: the store's key check value, and the format stores wrote personal fields in before
/// envelopes (`idNumber` and `phone` string members replaced by `enc:v1:` + base64 of nonce, ciphertext and tag,
/// authenticated with the member's name), read only to rewrite such rows (`CentralStore.resealInlineValues`).
extension PersonalDataCipher {
    /// The prefix of a string sealed on its own.
    static let inlinePrefix = "enc:v1:"
    /// The members the inline format sealed.
    static let inlineFields: Set<String> = ["idNumber", "phone"]

    /// `text` sealed, bound to `field`.
    package func seal(_ text: String, field: String) throws -> String {
        let box = try AES.GCM.seal(Array(text.utf8), using: key.key, authenticating: Array(field.utf8))
        guard let combined = box.combined else { throw Self.mismatch }
        return Self.inlinePrefix + combined.base64EncodedString()
    }

    /// The text `seal(_:field:)` sealed.
    /// - Throws: `TraceSyncError` `data_key_mismatch` when it was sealed under another key or for another field.
    package func open(_ text: String, field: String) throws -> String {
        do {
            guard text.hasPrefix(Self.inlinePrefix),
                  let data = Data(base64Encoded: String(text.dropFirst(Self.inlinePrefix.count))) else { throw Self.mismatch }
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key.key, authenticating: Array(field.utf8)), as: UTF8.self)
        } catch {
            throw Self.mismatch
        }
    }

    /// `value` with every inline-sealed member opened. A value that does not open under this key is what a device
    /// sent (a phone number typed as `enc:v1:…`) and stays as it is, to be sealed like any other.
    package func openingInline(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var opened: [String: JSONValue] = [:]
            for (name, member) in members {
                if Self.inlineFields.contains(name), case .string(let text) = member,
                   let plain = try? open(text, field: name) {
                    opened[name] = .string(plain)
                } else {
                    opened[name] = openingInline(member)
                }
            }
            return .object(opened)
        case .array(let elements): return .array(elements.map(openingInline))
        default: return value
        }
    }
}
