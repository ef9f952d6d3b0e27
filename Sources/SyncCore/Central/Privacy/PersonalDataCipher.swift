import Foundation
internal import Crypto

/// Encrypts the personal fields of JSON documents (`idNumber` and `phone`, at any depth) with AES-256-GCM before the
/// central store writes them, and decrypts them when it reads them back. Every other member is left as it is.
///
/// A sealed value is the string `enc:v1:` followed by the base64 of nonce, ciphertext and tag; the field's name is
/// authenticated with it, so a value cannot be moved to another field. Values without the prefix (stores written
/// before encryption) read as they are.
struct PersonalDataCipher {
    /// The member names whose string values are personal data.
    static let personalFields: Set<String> = ["idNumber", "phone"]
    static let prefix = "enc:v1:"

    let key: DataKey

    /// `value` with every personal field encrypted.
    func seal(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .object(let members):
            var sealed: [String: JSONValue] = [:]
            for (name, member) in members {
                if Self.personalFields.contains(name), case .string(let text) = member, !text.hasPrefix(Self.prefix) {
                    sealed[name] = .string(try seal(text, field: name))
                } else {
                    sealed[name] = try seal(member)
                }
            }
            return .object(sealed)
        case .array(let elements): return .array(try elements.map(seal))
        default: return value
        }
    }

    /// `value` with every sealed personal field decrypted.
    /// - Throws: `TraceSyncError` `data_key_mismatch` when a value was sealed under another key.
    func open(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .object(let members):
            var opened: [String: JSONValue] = [:]
            for (name, member) in members {
                if Self.personalFields.contains(name), case .string(let text) = member, text.hasPrefix(Self.prefix) {
                    opened[name] = .string(try open(text, field: name))
                } else {
                    opened[name] = try open(member)
                }
            }
            return .object(opened)
        case .array(let elements): return .array(try elements.map(open))
        default: return value
        }
    }

    /// The canonical text of `value` with its personal fields encrypted, for a column.
    func sealedText(_ value: JSONValue) throws -> String { try seal(value).canonicalString }

    /// A column's JSON text with its personal fields decrypted.
    func openedValue(_ text: String) throws -> JSONValue { try open(JSONValue.parse(text)) }

    func seal(_ text: String, field: String) throws -> String {
        let box = try AES.GCM.seal(Array(text.utf8), using: key.key, authenticating: Array(field.utf8))
        guard let combined = box.combined else { throw Self.mismatch }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ text: String, field: String) throws -> String {
        do {
            guard let data = Data(base64Encoded: String(text.dropFirst(Self.prefix.count))) else { throw Self.mismatch }
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key.key, authenticating: Array(field.utf8)), as: UTF8.self)
        } catch {
            throw Self.mismatch
        }
    }

    /// The refusal of data sealed under another key.
    static let mismatch = TraceSyncError(
        "data_key_mismatch", field: "data-key",
        zh: "数据密钥与数据库不匹配：个人信息无法解密。请使用创建该数据库时的密钥（\(DataKey.environmentVariable)、--data-key-file 或数据库旁的 .key 文件）。",
        en: "the data key does not match this database: personal data cannot be decrypted. Use the key the database was created with (\(DataKey.environmentVariable), --data-key-file or the .key file beside the database)."
    )
}
