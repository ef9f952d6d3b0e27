import SyncCore
import CentralCore
import CentralSQLite

/// Decoding failures as refusals that name the field, e.g. `entries[3].seq`.
extension DecodingError {
    /// `bad_json` for a wrong type or value, `missing_field` for a missing or null required field.
    var refusal: TraceSyncError {
        switch self {
        case .typeMismatch(let type, let context):
            let field = CodingPath.text(context.codingPath)
            return TraceSyncError(.badJson, field: field,
                                  zh: "字段 \(field) 的类型不对：应为 \(type)。请按 /openapi.json 的说明发送。",
                                  en: "field \(field) has the wrong type: expected \(type). Send it as /openapi.json describes.")
        case .valueNotFound(_, let context):
            let field = CodingPath.text(context.codingPath)
            return Self.missing(field)
        case .keyNotFound(let key, let context):
            return Self.missing(CodingPath.text(context.codingPath + [key]))
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return TraceSyncError(.badJson, field: nil,
                                  zh: "请求体不是有效的 JSON（\(context.debugDescription)）：请发送一个 JSON 对象，格式见 /openapi.json。",
                                  en: "the request body is not valid JSON (\(context.debugDescription)): send a JSON object as /openapi.json describes.")
        case .dataCorrupted(let context):
            let field = CodingPath.text(context.codingPath)
            return TraceSyncError(.badJson, field: field,
                                  zh: "字段 \(field) 的值无效（\(context.debugDescription)）：请按 /openapi.json 的说明发送。",
                                  en: "field \(field) has an invalid value (\(context.debugDescription)): send it as /openapi.json describes.")
        @unknown default:
            return TraceSyncError(.badJson, field: nil,
                                  zh: "请求体无法解析：请按 /openapi.json 的说明发送。",
                                  en: "the request body cannot be read: send it as /openapi.json describes.")
        }
    }

    private static func missing(_ field: String) -> TraceSyncError {
        TraceSyncError(.missingField, field: field,
                       zh: "缺少字段 \(field)：请补上后重新发送，格式见 /openapi.json。",
                       en: "field \(field) is missing: add it and send again; /openapi.json describes the format.")
    }
}
