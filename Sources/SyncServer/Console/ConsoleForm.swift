import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The fields of a console form post (`application/x-www-form-urlencoded`), read within a size limit.
struct ConsoleForm: Sendable {
    /// The largest form body accepted, in bytes.
    static let maxBytes = 64 * 1024
    /// The fields by name; a field sent twice keeps its first value.
    let fields: [String: String]

    /// The form of a request; the body stays readable for the handler after the middleware read it.
    static func read(_ request: inout Request) async throws -> ConsoleForm {
        let buffer = try await request.collectBody(upTo: maxBytes)
        return ConsoleForm(encoded: String(buffer: buffer))
    }

    /// The fields of an encoded form body, `a=1&b=x+y`.
    init(encoded: String) {
        var fields: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.fields = fields
    }

    /// The field's value with surrounding white space trimmed, or nil when it is absent or blank.
    subscript(_ name: String) -> String? {
        let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }

    /// The field's value, trimmed.
    /// - Throws: `TraceSyncError` `missing_field` naming the field (in the words `zh` / `en`) when it is blank.
    func require(_ name: String, zh: String, en: String) throws -> String {
        guard let value = self[name] else {
            throw TraceSyncError(.missingField, field: name, zh: "请填写\(zh)。", en: "please fill in \(en).")
        }
        return value
    }
}
