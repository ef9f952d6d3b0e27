import Foundation
import Hummingbird
import SyncCore
@testable import SyncServer
import Testing

@Suite("Every error code answers with one HTTP status")
struct ErrorStatusTests {
    @Test("every code is a client error, except internal_error, which is the one 500")
    func everyCodeHasAnErrorStatus() {
        for code in TraceSyncError.Code.allCases {
            let status = APIError.status(for: code)
            if code == .internalError {
                #expect(status == .internalServerError)
            } else {
                #expect(status.kind == .clientError, "\(code) answers \(status.code)")
            }
        }
    }

    @Test("the statuses devices and scripts rely on", arguments: [
        (TraceSyncError.Code.seqGap, 409), (.integrityViolation, 409), (.wrongDevice, 400), (.unknownField, 400),
        (.badJson, 400), (.unauthorized, 401), (.deviceRevoked, 401), (.sessionExpired, 401), (.forbidden, 403),
        (.forbiddenScope, 403), (.unknownCode, 404), (.voidedCode, 404), (.enrollCodeExpired, 410),
        (.payloadTooLarge, 413), (.tooManyEntries, 413), (.unsupportedMediaType, 415), (.rateLimited, 429),
    ])
    func knownStatuses(code: TraceSyncError.Code, status: Int) {
        #expect(APIError.status(for: code).code == status)
    }

    @Test("a refusal's answer carries its status and its code's exact string")
    func refusalBecomesItsAnswer() {
        let error = APIError(TraceSyncError(.seqGap, field: "entries[0].seq", zh: "序号不连续。", en: "not contiguous.",
                                            ackedSeq: 4))
        #expect(error.status == .conflict)
        #expect(error.body.error.code == "seq_gap")
        #expect(error.body.error.ackedSeq == 4)
    }

    /// The error responses of openapi.json name the codes each status stands for (`seq_gap` under 409 …): each
    /// code named there exists and answers with that status, and each multi-word name in backticks is a code.
    @Test("the codes openapi.json names under each status are codes that answer with that status")
    func openAPIDocumentNamesCodesUnderTheirStatus() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SyncServer/OpenAPI/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let components = try #require(document["components"] as? [String: Any])
        let shared = try #require(components["responses"] as? [String: [String: Any]])
        var named = 0
        for (path, operations) in paths {
            for (method, operation) in operations {
                guard let responses = (operation as? [String: Any])?["responses"] as? [String: [String: Any]] else { continue }
                for (key, response) in responses {
                    guard let status = Int(key), status >= 400 else { continue }
                    let resolved = (response["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last!)] }
                    let description = (resolved ?? response)["description"] as? String ?? ""
                    for name in Self.backticked(description) {
                        let code = TraceSyncError.Code(rawValue: name)
                        if name.contains("_") && !name.contains(" ") {
                            #expect(code != nil, "\(method) \(path) \(status) names `\(name)`, which is no code")
                        }
                        guard let code else { continue }
                        named += 1
                        #expect(APIError.status(for: code).code == status,
                                "\(method) \(path) lists `\(name)` under \(status)")
                    }
                }
            }
        }
        #expect(named > 0)
    }

    /// The names in backticks in `text`.
    static func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
