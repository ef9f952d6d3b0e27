import Foundation
import Hummingbird
import SyncCore

/// Reads a JSON request body strictly: within the size limit, well formed, a JSON object with no member the server
/// does not know, every field of the right type. Each failure is a refusal that names the field at fault.
struct JSONBody: Sendable {
    /// The largest body accepted, in bytes.
    let maxBytes: Int

    /// The body decoded as `Body`.
    /// - Throws: `TraceSyncError` `payload_too_large`, `bad_json`, `unknown_field` or `missing_field`.
    func decode<Body: StrictJSONBody>(_: Body.Type, from request: Request) async throws -> Body {
        let data = try await collect(request)
        let decoder = JSONDecoder()
        let members: [String: JSONValue]
        do {
            guard case .object(let object) = try decoder.decode(JSONValue.self, from: data) else {
                throw TraceSyncError("bad_json", field: nil,
                                     zh: "请求体应为一个 JSON 对象：格式见 /openapi.json。",
                                     en: "the request body must be a JSON object: /openapi.json describes it.")
            }
            members = object
        } catch let error as DecodingError {
            throw error.refusal
        }
        if let unknown = Body.unknownMember(in: members) {
            throw TraceSyncError("unknown_field", field: unknown,
                                 zh: "未知字段 \(unknown)：请删除该字段（可能拼写有误或客户端版本较新），允许的字段见 /openapi.json。",
                                 en: "unknown field \(unknown): remove it (it may be misspelt, or the client newer than the server); /openapi.json lists the fields.")
        }
        do {
            return try decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw error.refusal
        }
    }

    private func collect(_ request: Request) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: maxBytes)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw TraceSyncError("payload_too_large", field: nil,
                                 zh: "请求体超过 \(maxBytes) 字节的上限：请分批发送，每次少发一些记录。",
                                 en: "the request body is larger than the \(maxBytes)-byte limit: send fewer entries per request.")
        }
    }
}
