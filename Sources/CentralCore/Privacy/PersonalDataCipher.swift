import Foundation
internal import Crypto
public import SyncCore

/// Seals the personal values of JSON documents (`PersonalValues`: ID card and phone numbers under any key, of any
/// type) with AES-256-GCM before the central store writes them, and puts them back when it reads them.
///
/// A document is stored as two columns: its text, with every personal value taken out (`PersonalSplit`), and an
/// envelope the store alone writes, which holds the taken values and their paths, encrypted and authenticated
/// together with the stored text. Only the envelope is ever decrypted: nothing a device sends, such as a string
/// that begins `enc:v1:`, is taken for sealed data, and an envelope does not open against another text.
package struct PersonalDataCipher: Sendable {
    /// A document as the store writes it.
    package struct Sealed: Hashable, Sendable {
        /// The document's canonical text without its personal values, for the document's column.
        package let text: String
        /// The sealed personal values, for the envelope column; nil when the document holds none.
        package let envelope: String?
    }

    /// The version tag that begins every envelope.
    static let envelopePrefix = "pd2:"

    let key: DataKey

    /// `value` split and its personal values sealed.
    package func seal(_ value: JSONValue) throws -> Sealed {
        let split = PersonalSplit(value)
        let text = split.document.canonicalString
        guard !split.taken.isEmpty else { return Sealed(text: text, envelope: nil) }
        let box = try AES.GCM.seal(JSONValue.array(split.taken).canonicalBytes, using: key.key,
                                   authenticating: Self.context(of: text))
        guard let combined = box.combined else { throw Self.altered }
        return Sealed(text: text, envelope: Self.envelopePrefix + combined.base64EncodedString())
    }

    /// The document a stored text and envelope hold, its personal values put back.
    /// - Throws: `TraceSyncError` `personal_data_altered` when the envelope does not open against the text.
    package func open(_ text: String, envelope: String?) throws -> JSONValue {
        try open(JSONValue.parse(text), text: text, envelope: envelope)
    }

    /// `document`, parsed from the stored `text`, with the personal values of `envelope` put back.
    package func open(_ document: JSONValue, text: String, envelope: String?) throws -> JSONValue {
        guard let envelope else { return document }
        do {
            guard envelope.hasPrefix(Self.envelopePrefix),
                  let data = Data(base64Encoded: String(envelope.dropFirst(Self.envelopePrefix.count))) else {
                throw Self.altered
            }
            let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key.key,
                                         authenticating: Self.context(of: text))
            guard let joined = PersonalSplit.joined(document, try JSONValue.parse(String(decoding: plain, as: UTF8.self))) else {
                throw Self.altered
            }
            return joined
        } catch {
            throw Self.altered
        }
    }

    /// What an envelope is authenticated with besides its own content: the text it belongs to.
    private static func context(of text: String) -> [UInt8] {
        Array("tracesync-personal-v2\u{0}".utf8) + Array(text.utf8)
    }

    /// The refusal of an envelope that does not open against its text: the row was edited outside the store.
    static let altered = TraceSyncError(
        .personalDataAltered, field: "data-key",
        zh: "存储的个人信息与其记录不符，无法解密：数据库可能在服务器之外被改动。请运行 sync-server verify 查找该记录，并从备份恢复。",
        en: "stored personal data does not match its record and cannot be decrypted: the database may have been edited outside the server. Run sync-server verify to find the record, and restore from a backup."
    )

    /// The refusal of data sealed under another key.
    package static let mismatch = TraceSyncError(
        .dataKeyMismatch, field: "data-key",
        zh: "数据密钥与数据库不匹配：个人信息无法解密。请使用创建该数据库时的密钥（\(DataKey.environmentVariable)、--data-key-file 或数据库旁的 .key 文件）。",
        en: "the data key does not match this database: personal data cannot be decrypted. Use the key the database was created with (\(DataKey.environmentVariable), --data-key-file or the .key file beside the database)."
    )

    package init(key: DataKey) {
        self.key = key
    }
}
