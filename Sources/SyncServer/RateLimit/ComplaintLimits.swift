/// The abuse limits of the public complaint form: how often one client may file, how large a form may be, and how
/// many complaints one trace code may get in a business day. Each refusal is a bilingual page that changes nothing.
struct ComplaintLimits: Sendable {
    /// Complaint forms one client address may post an hour, in bursts of as many (429 past it).
    var perClientPerHour = 10
    /// Complaints one trace code may get in a business day, UTC+8 (429 past it).
    var perCodePerDay = 20
    /// The largest form body accepted, in bytes (413 past it): room for the longest text in any script.
    var maxFormBytes = 16 * 1024
}

/// The token buckets of complaint filing, one per client address, apart from the public lookups' buckets.
actor ComplaintRateLimiter {
    private var buckets: TokenBuckets
    private let now: @Sendable () -> Double

    /// Allows each client `perHour` forms an hour.
    /// - Parameter now: the time in seconds; by default the monotonic clock since the limiter was made.
    init(perHour: Int, now: (@Sendable () -> Double)? = nil) {
        buckets = TokenBuckets(capacity: perHour, refillSeconds: 3_600)
        self.now = now ?? {
            let start = ContinuousClock.now
            return {
                let elapsed = (ContinuousClock.now - start).components
                return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            }
        }()
    }

    /// Takes a token for `client` now.
    func take(_ client: String) -> TokenBuckets.Decision {
        buckets.take(client, at: now())
    }
}
