import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// Reads a JSON request body strictly: within the size limit, well formed, a JSON object with no member the body's
/// type does not ask for (at any depth), every field of the right type. Each failure is a refusal that names the field
/// at fault. The allowed members are the ones the type decodes, so no list of them is kept by hand.
struct JSONBody: Sendable {
    /// The largest body accepted, in bytes.
    let maxBytes: Int

    /// The body decoded as `Body`.
    /// - Throws: `TraceSyncError` `unsupported_media_type`, `payload_too_large`, `bad_body`, `bad_json`,
    ///   `unknown_field` or `missing_field`.
    func decode<Body: Decodable>(_: Body.Type, from request: Request) async throws -> Body {
        try Self.checkContentType(request)
        let data = try await collect(request)
        let members: [String: JSONValue]
        do {
            // The strict parser, which refuses a member given twice: otherwise the member check below and the
            // decoder could each read a different one of the two values.
            guard case .object(let object) = try JSONValue.parse(data) else {
                throw TraceSyncError(.badJson, field: nil,
                                     zh: "请求体应为一个 JSON 对象：格式见 /openapi.json。",
                                     en: "the request body must be a JSON object: /openapi.json describes it.")
            }
            members = object
        } catch let error as JSONParseError {
            throw TraceSyncError(.badJson, field: nil,
                                 zh: "请求体不是有效的 JSON（第 \(error.offset) 字节：\(error.reason)）：请发送一个 JSON 对象，格式见 /openapi.json。",
                                 en: "the request body is not valid JSON (\(error)): send a JSON object as /openapi.json describes.")
        }
        do {
            // Decoded from the members already parsed, as JSONDecoder would decode the body, without parsing it again.
            return try JSONValue.object(members).decodeRefusingUnknownMembers(Body.self)
        } catch let error as DecodingError {
            throw error.refusal
        } catch let unknown as UnknownMemberError {
            throw TraceSyncError(.unknownField, field: unknown.path,
                                 zh: "未知字段 \(unknown.path)：请删除该字段（可能拼写有误或客户端版本较新），允许的字段见 /openapi.json。",
                                 en: "unknown field \(unknown.path): remove it (it may be misspelt, or the client newer than the server); /openapi.json lists the fields.")
        }
    }

    /// Refuses a body declared as something other than JSON (`application/json` or a `+json` type); a body that
    /// declares no type is read as JSON.
    private static func checkContentType(_ request: Request) throws {
        guard let declared = request.headers[.contentType] else { return }
        let mediaType = declared.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard mediaType != "application/json" && !mediaType.hasSuffix("+json") else { return }
        throw TraceSyncError(.unsupportedMediaType, field: "Content-Type",
                             zh: "请求体的类型（Content-Type）不是 JSON：请以 JSON 发送，并设置 Content-Type: application/json。",
                             en: "the request body's Content-Type is not JSON: send JSON with Content-Type: application/json.")
    }

    /// The refusal of a body that could not be read to its end.
    static let unreadable = TraceSyncError(
        .badBody, field: nil,
        zh: "请求体无法读取（长度或分块编码有误）：请按 HTTP/1.1 重新发送完整的请求体。",
        en: "the request body could not be read (its length or chunked encoding is broken): send the whole body again as HTTP/1.1 requires."
    )

    private func collect(_ request: Request) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: maxBytes)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw TraceSyncError(.payloadTooLarge, field: nil,
                                 zh: "请求体超过 \(maxBytes) 字节的上限：请分批发送，每次少发一些记录。",
                                 en: "the request body is larger than the \(maxBytes)-byte limit: send fewer entries per request.")
        } catch where !(error is any HTTPResponseError) {
            // The body's framing was broken (e.g. a chunk size that is not hexadecimal): the client's fault, not ours.
            throw Self.unreadable
        }
    }
}
