import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import SyncCore

/// Why no whole answer came back from the server, told in both languages.
///
/// The errors of AsyncHTTPClient and SwiftNIO describe themselves in English, nested (a connection error lists the
/// error of every address tried); they are classified here once, so the inspector reads what happened and what to
/// do instead of a library's description, and the retry policy can tell a refusal from a timeout.
enum ConnectionProblem: Equatable, Sendable {
    /// Nothing listens at the address (ECONNREFUSED): the server is not running, or the address or port is wrong.
    case refused
    /// The host's name does not resolve, or there is no route to it: no network, or a wrong host name.
    case unreachable
    /// No connection was made within the connect timeout (seconds).
    case connectTimedOut(Double)
    /// Connected, but no answer came within the read timeout (seconds).
    case answerTimedOut(Double)
    /// The TLS handshake failed.
    case tls
    /// The connection broke off before the whole answer had arrived.
    case dropped
    /// Anything else, with the library's description.
    case other(String)

    /// The problem `error` (thrown by AsyncHTTPClient) stands for, given the timeouts the client was configured with.
    init(_ error: any Error, connectTimeout: Double, readTimeout: Double) {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout: self = .connectTimedOut(connectTimeout)
            case .readTimeout, .writeTimeout, .deadlineExceeded: self = .answerTimedOut(readTimeout)
            case .tlsHandshakeTimeout: self = .tls
            case .remoteConnectionClosed, .uncleanShutdown, .bodyLengthMismatch: self = .dropped
            default: self = .other(String(describing: error))
            }
        case ChannelError.connectTimeout: self = .connectTimedOut(connectTimeout)
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                self = .unreachable
            } else {
                // The addresses tried (IPv6 and IPv4 of one name) each failed; the least final failure speaks for all.
                let problems = error.connectionErrors.map {
                    ConnectionProblem($0.error, connectTimeout: connectTimeout, readTimeout: readTimeout)
                }
                self = problems.min { $0.finality < $1.finality } ?? .unreachable
            }
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: self = .refused
            case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN, EADDRNOTAVAIL: self = .unreachable
            case ETIMEDOUT: self = .connectTimedOut(connectTimeout)
            case ECONNRESET, EPIPE, ECONNABORTED: self = .dropped
            default: self = .other(String(describing: error))
            }
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: self = .tls
        case is SocketAddressError: self = .unreachable
        default: self = .other(String(describing: error))
        }
    }

    /// Ordering among the failures of several addresses: a timeout or dropped connection may pass, a refusal less so.
    private var finality: Int {
        switch self {
        case .dropped, .answerTimedOut, .connectTimedOut: 0
        case .other: 1
        case .tls: 2
        case .unreachable: 3
        case .refused: 4
        }
    }

    /// True when a connection was made and then yielded no whole answer.
    var wasConnected: Bool {
        switch self {
        case .answerTimedOut, .dropped: true
        case .refused, .unreachable, .connectTimedOut, .tls, .other: false
        }
    }

    /// True when no connection could be made at all (as opposed to one that was made and then failed): nothing
    /// listens or nothing is reachable, which backing off for minutes will not change. Worth one quick retry at most.
    var isNoConnection: Bool {
        switch self {
        case .refused, .unreachable: true
        case .connectTimedOut, .answerTimedOut, .tls, .dropped, .other: false
        }
    }

    /// A stable name for scripts (`reason` in `--json` output).
    var code: String {
        switch self {
        case .refused: "refused"
        case .unreachable: "unreachable"
        case .connectTimedOut: "connect_timeout"
        case .answerTimedOut: "read_timeout"
        case .tls: "tls"
        case .dropped: "dropped"
        case .other: "other"
        }
    }

    /// What happened and the likely cause, briefly.
    var message: LocalizedText {
        switch self {
        case .refused:
            LocalizedText(zh: "连接被拒绝：服务器未运行或地址有误", en: "connection refused: the server is not running or the address is wrong")
        case .unreachable:
            LocalizedText(zh: "找不到服务器或网络不通：请检查网络和地址", en: "no route to the server or unknown host: check the network and the address")
        case .connectTimedOut(let seconds):
            LocalizedText(zh: "\(Self.format(seconds)) 秒内未能建立连接：网络不稳或服务器过忙，可用 --connect-timeout 放宽",
                          en: "no connection within \(Self.format(seconds)) s: the network is poor or the server is busy; --connect-timeout allows longer")
        case .answerTimedOut(let seconds):
            LocalizedText(zh: "已连接，但 \(Self.format(seconds)) 秒内没有回应：服务器过忙或无响应，可用 --read-timeout 放宽",
                          en: "connected, but no answer within \(Self.format(seconds)) s: the server is busy or stuck; --read-timeout allows longer")
        case .tls:
            LocalizedText(zh: "TLS 握手失败：证书不受信任，或地址的 http/https 与服务器不符",
                          en: "the TLS handshake failed: the certificate is not trusted, or http/https does not match the server")
        case .dropped:
            LocalizedText(zh: "连接中断，回答不完整：服务器可能正在重启", en: "the connection broke off before the whole answer: the server may be restarting")
        case .other(let description):
            LocalizedText(zh: "连接失败：\(description)", en: "connection failed: \(description)")
        }
    }

    /// Seconds as written on the command line: `5`, `0.5`.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
