public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP socket on 127.0.0.1, for test tools that must send or relay bytes a well-behaved HTTP client
/// would not (the fault proxy, raw malformed requests). Never binds or connects beyond loopback.
public final class LoopbackSocket: @unchecked Sendable {
    // @unchecked Sendable: the descriptor is set in `init` and only closed once, under `lock`; the blocking calls on
    // it are made by one thread at a time (the one that owns the connection).
    private let descriptor: Int32
    private let lock = NSLock()
    private var isClosed = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        var noSignal: Int32 = 1
        #if canImport(Darwin)
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
        #else
        _ = noSignal
        #endif
    }

    /// A socket listening on 127.0.0.1 at `port`, or at a port the system picks (see `port`).
    ///
    /// Connections complete in the system's backlog before anyone calls `accept`: a socket that is never accepted
    /// from stands for a server that takes connections and never answers.
    public static func listening(port: Int = 0) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(descriptor: Self.make())
        var reuse: Int32 = 1
        setsockopt(socket.descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: UInt16(port))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket.descriptor, 128) == 0 else { throw Self.failure("bind/listen") }
        return socket
    }

    /// A socket connected to 127.0.0.1:`port`.
    public static func connected(port: Int, timeout: TimeInterval = 30) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(descriptor: Self.make())
        socket.setTimeout(timeout)
        var address = Self.loopback(port: UInt16(port))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw Self.failure("connect to 127.0.0.1:\(port)") }
        return socket
    }

    /// The local port the socket is bound to.
    public var port: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits for the next connection; nil once the socket is closed.
    public func accept() -> LoopbackSocket? {
        while true {
            #if canImport(Glibc)
            let accepted = Glibc.accept(descriptor, nil, nil)
            #else
            let accepted = Darwin.accept(descriptor, nil, nil)
            #endif
            if accepted >= 0 { return LoopbackSocket(descriptor: accepted) }
            if errno == EINTR { continue }
            return nil
        }
    }

    /// Blocking reads and writes give up after `seconds`.
    public func setTimeout(_ seconds: TimeInterval) {
        var value = timeval()
        value.tv_sec = .init(seconds.rounded(.down))
        value.tv_usec = .init((seconds - seconds.rounded(.down)) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes all of `data`; false if the peer went away first.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let sent = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #endif
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Reads what is available, up to `maximum` bytes; empty at the end of the stream or on an error.
    public func read(maximum: Int = 65_536) -> Data {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = recv(descriptor, &buffer, maximum, 0)
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Data(buffer[0..<count]) : Data()
        }
    }

    /// Reads until the peer closes the stream (or the timeout passes).
    public func readToEnd() -> Data {
        var all = Data()
        while true {
            let chunk = read()
            if chunk.isEmpty { return all }
            all.append(chunk)
        }
    }

    /// Closes the socket; a thread blocked in `accept` or `read` on it returns. Safe to call more than once.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        shutdown(descriptor, Int32(SHUT_RDWR))
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    deinit { close() }

    private static func make() throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw failure("socket") }
        return descriptor
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private static func failure(_ what: String) -> HarnessError {
        HarnessError("\(what) failed: \(String(cString: strerror(errno)))")
    }
}
