import Foundation
import TestSupport

/// One bad request shape from the corpus in `Fixtures/malformed/` (or generated, when it is too big to keep there).
struct MalformedInput {
    /// What the input breaks, which decides the routes that must refuse it.
    enum Target {
        /// The body: routes that read a body must refuse it.
        case body
        /// The `Authorization` header: routes that need a credential must refuse it.
        case authorization
        /// The body's content type or framing: routes that read a body must refuse it.
        case bodyFraming
        /// The HTTP message itself: refused by the server's HTTP parser before any route sees it, so with a bare 400.
        case wire
    }

    let name: String
    let target: Target
    /// Header lines (CRLF-terminated) to send; `{CREDENTIAL}` stands for the route's valid credential.
    let headers: Data
    /// The body, or nil to send the route's ordinary body.
    let body: Data?
    /// True when the headers declare the body's framing themselves (no `Content-Length` is added).
    let framesItself: Bool

    /// A body a route that reads one would accept in form: an empty push.
    static let ordinaryBody = Data(#"{"entries": []}"#.utf8)

    /// Every input: the fixture files, plus the deeply nested and oversized bodies and the overlong headers made here.
    static func corpus(maxBodyBytes: Int) throws -> [MalformedInput] {
        let root = URL(fileURLWithPath: Executables.fixture("malformed"))
        var inputs: [MalformedInput] = []
        let bodies = root.appendingPathComponent("bodies")
        for name in try FileManager.default.contentsOfDirectory(atPath: bodies.path).sorted() {
            inputs.append(.init(name: name, target: .body, headers: Data(), body: try Data(contentsOf: bodies.appendingPathComponent(name)), framesItself: false))
        }
        let headerFiles = root.appendingPathComponent("headers")
        for name in try FileManager.default.contentsOfDirectory(atPath: headerFiles.path).sorted() where name.hasSuffix(".headers") {
            let stem = String(name.dropLast(".headers".count))
            let headers = try Data(contentsOf: headerFiles.appendingPathComponent(name))
            let bodyURL = headerFiles.appendingPathComponent(stem + ".body")
            let body = FileManager.default.fileExists(atPath: bodyURL.path) ? try Data(contentsOf: bodyURL) : nil
            let target: Target = stem.hasPrefix("wire-") ? .wire : stem.hasPrefix("auth-") ? .authorization : .bodyFraming
            let framing = String(decoding: headers, as: UTF8.self).lowercased()
            inputs.append(.init(name: name, target: target, headers: headers, body: body,
                                framesItself: framing.contains("transfer-encoding") || framing.contains("content-length")))
        }
        let generated: [(String, Data)] = [
            ("100k-open-brackets", Data(repeating: UInt8(ascii: "["), count: 100_000)),
            ("100k-nested-arrays", Data(repeating: UInt8(ascii: "["), count: 100_000) + Data(repeating: UInt8(ascii: "]"), count: 100_000)),
            ("50k-nested-objects", Data(String(repeating: #"{"entries":"#, count: 50_000).utf8)),
            ("oversized", Data(#"{"entries": [""#.utf8) + Data(repeating: UInt8(ascii: "x"), count: maxBodyBytes) + Data(#""]}"#.utf8)),
        ]
        inputs += generated.map { .init(name: $0.0, target: .body, headers: Data(), body: $0.1, framesItself: false) }
        inputs.append(.init(name: "60kB-authorization", target: .authorization,
                            headers: Data(("Authorization: Bearer " + String(repeating: "A", count: 60_000) + "\r\n").utf8),
                            body: nil, framesItself: false))
        inputs.append(.init(name: "100kB-header", target: .wire,
                            headers: Data(("X-Padding: " + String(repeating: "A", count: 100_000) + "\r\n").utf8),
                            body: nil, framesItself: false))
        return inputs
    }

    /// The raw request of this input against `path` with `method` and the route's `credential` (none: no
    /// `Authorization` header of a body input, and an empty one for `{CREDENTIAL}`).
    func request(_ method: String, _ path: String, credential: String?, readsBody: Bool) -> Data {
        var head = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".utf8)
        head += headers.replacing(Data("{CREDENTIAL}".utf8), with: Data((credential ?? "").utf8))
        let body = self.body ?? (readsBody ? Self.ordinaryBody : Data())
        if target == .body, let credential { head += Data("Authorization: Bearer \(credential)\r\n".utf8) }
        if target == .body { head += Data("Content-Type: application/json\r\n".utf8) }
        if !framesItself && !body.isEmpty { head += Data("Content-Length: \(body.count)\r\n".utf8) }
        return head + Data("\r\n".utf8) + body
    }
}
