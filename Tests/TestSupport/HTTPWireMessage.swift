public import Foundation

/// An HTTP/1.1 request as bytes on the wire: what the fault proxy reads from a device and forwards, possibly altered.
public struct HTTPWireRequest: Sendable {
    public var method: String
    public var target: String
    /// Header fields in their order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The request with header `name` removed and, if `value` is given, set to `value`.
    public func setting(_ name: String, to value: String?) -> HTTPWireRequest {
        var copy = self
        copy.headers.removeAll { $0.name.lowercased() == name.lowercased() }
        if let value { copy.headers.append((name, value)) }
        return copy
    }

    /// The request's bytes, with `Content-Length` matching the body and `Connection: close`.
    public var encoded: Data {
        var request = setting("Content-Length", to: body.isEmpty && method == "GET" ? nil : String(body.count))
            .setting("Connection", to: "close")
            .setting("Expect", to: nil)
        request.headers.removeAll { $0.name.lowercased() == "transfer-encoding" }
        var head = "\(method) \(target) HTTP/1.1\r\n"
        for (name, value) in request.headers { head += "\(name): \(value)\r\n" }
        return Data((head + "\r\n").utf8) + body
    }

    /// Reads one request from `socket`. A client that waits for `100 Continue` is told to go on.
    /// - Returns: nil if the client closed the connection before a whole request arrived.
    public static func read(from socket: LoopbackSocket) -> HTTPWireRequest? {
        var buffer = Data()
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            let chunk = socket.read()
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
            headEnd = buffer.range(of: Data("\r\n\r\n".utf8))
        }
        let lines = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard requestLine.count == 3 else { return nil }
        let headers: [(name: String, value: String)] = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var request = HTTPWireRequest(method: requestLine[0], target: requestLine[1], headers: headers, body: Data())
        var body = Data(buffer[headEnd!.upperBound...])
        let length = Int(request.header("Content-Length") ?? "0") ?? 0
        if body.count < length, request.header("Expect")?.lowercased() == "100-continue" {
            socket.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while body.count < length {
            let chunk = socket.read()
            if chunk.isEmpty { return nil }
            body.append(chunk)
        }
        request.body = body.prefix(length)
        return request
    }
}

/// An HTTP/1.1 response as the server sent it, read to the end of a `Connection: close` exchange.
public struct HTTPWireResponse: Sendable {
    /// Every byte the server sent, as relayed to the client.
    public let raw: Data
    /// The status code; 0 if the bytes do not start with a status line.
    public let status: Int
    /// The header fields, names lowercased.
    public let headers: [String: String]
    /// The body, de-chunked.
    public let body: Data

    public init(raw: Data) {
        self.raw = raw
        guard let headEnd = raw.range(of: Data("\r\n\r\n".utf8)) else {
            (status, headers, body) = (0, [:], Data())
            return
        }
        let lines = String(decoding: raw[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        status = statusLine.count >= 2 && statusLine[0].hasPrefix("HTTP/") ? Int(statusLine[1]) ?? 0 : 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        headers = fields
        let rest = Data(raw[headEnd.upperBound...])
        body = fields["transfer-encoding"]?.lowercased() == "chunked" ? Self.dechunked(rest) : rest
    }

    /// Sends `request` to 127.0.0.1:`port` on a new connection and reads the whole answer.
    /// - Throws: when nothing can be connected to, e.g. the server is down.
    public static func exchange(_ request: Data, port: Int, timeout: TimeInterval = 30) throws -> HTTPWireResponse {
        let socket = try LoopbackSocket.connected(port: port, timeout: timeout)
        defer { socket.close() }
        socket.write(request)
        return HTTPWireResponse(raw: socket.readToEnd())
    }

    private static func dechunked(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[min(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return result
    }
}
