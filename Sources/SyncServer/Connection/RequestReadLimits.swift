import NIOCore

/// How long a connection may take to send a request, and how large a body it may declare. The idle timeout
/// between requests, and the cap on connections open at once, are Hummingbird's own settings
/// (`HTTP1Channel.Configuration.idleTimeout`, `ServerConfiguration.availableConnectionsDelegate`).
struct RequestReadLimits: Sendable {
    /// A new connection must have sent its first request's headers within this time.
    var headerTimeout: TimeAmount = .seconds(10)
    /// A request's body must have arrived whole within this time of its headers.
    var bodyTimeout: TimeAmount = .seconds(60)
    /// A connection with no request in progress closes after this time; while a request is read, no byte may be
    /// this long apart.
    var idleTimeout: TimeAmount = .seconds(60)
    /// The most connections open at once; more wait in the listen backlog until one closes.
    var maxConnections = 1_000
    /// A body declared larger than this (`Content-Length`) is refused with 413 before a byte of it is read.
    var maxBodyBytes = 4_194_304
}
