import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
import SyncCore
import CentralCore
import CentralSQLite

/// Enforces `RequestReadLimits` on one connection, in its channel pipeline after HTTP decoding: closes a connection
/// whose first request headers or whose request body take too long, and answers 413 `payload_too_large` at once,
/// closing the connection, when the headers declare a body larger than the limit (without it, the server would
/// wait for bytes that never come); the consumer's pages get the refusal as an HTML page, as they get every other.
/// Nothing it refuses reaches the router.
final class RequestReadLimitsHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: RequestReadLimits
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    private var sawFirstHead = false
    private var refused = false

    init(limits: RequestReadLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startFirstHeadDeadline(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    func channelActive(context: ChannelHandlerContext) {
        startFirstHeadDeadline(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            sawFirstHead = true
            cancelDeadline()
            if let declared = head.headerFields[.contentLength].flatMap(Int.init), declared > limits.maxBodyBytes {
                refuseTooLarge(context, declared: declared, page: Self.isPage(head.path))
                return
            }
            schedule(context, after: limits.bodyTimeout, reason: "request body not received in time")
        case .body:
            break
        case .end:
            cancelDeadline()
        }
        context.fireChannelRead(data)
    }

    /// The first request's headers must arrive in time; later ones are held to the idle timeout.
    private func startFirstHeadDeadline(_ context: ChannelHandlerContext) {
        guard !sawFirstHead, deadline == nil else { return }
        schedule(context, after: limits.headerTimeout, reason: "request headers not received in time")
    }

    private func schedule(_ context: ChannelHandlerContext, after timeout: TimeAmount, reason: String) {
        cancelDeadline()
        let channel = context.channel
        let logger = logger
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            logger.info("connection closed", metadata: ["reason": "\(reason)", "timeout.ms": "\(timeout.nanoseconds / 1_000_000)"])
            channel.close(promise: nil)
        }
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    /// Whether `path` is one of the consumer's pages (`/t`, `/t/{code}`), which answer refusals as HTML.
    private static func isPage(_ path: String?) -> Bool {
        guard let path = path?.split(separator: "?", maxSplits: 1).first else { return false }
        return path == "/t" || path.hasPrefix("/t/")
    }

    /// Answers 413 — the consumer's page as HTML, any other route with the JSON error body — and closes the
    /// connection once it is written.
    private func refuseTooLarge(_ context: ChannelHandlerContext, declared: Int, page: Bool) {
        refused = true
        logger.info("request refused", metadata: ["error.code": "payload_too_large", "content.length": "\(declared)"])
        let refusal = TraceSyncError(
            .payloadTooLarge, field: "Content-Length",
            zh: "请求体声明 \(declared) 字节，超过上限 \(limits.maxBodyBytes) 字节：请分批发送。",
            en: "the request body declares \(declared) bytes, over the limit of \(limits.maxBodyBytes): send it in smaller batches."
        )
        var response = HTTPResponse(status: .contentTooLarge)
        let bytes: Data
        if page {
            bytes = Data(TracePage.html(refusal: refusal, typed: nil).utf8)
            response.headerFields[.contentType] = "text/html; charset=utf-8"
            response.headerFields[.contentSecurityPolicy] = HTMLPage.contentSecurityPolicy
        } else {
            let body = APIErrorBody(code: refusal.code.rawValue, field: refusal.field, message: refusal.message)
            bytes = (try? JSONEncoder().encode(body)) ?? Data()
            response.headerFields[.contentType] = "application/json; charset=utf-8"
        }
        response.headerFields[.contentLength] = String(bytes.count)
        response.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: bytes))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
