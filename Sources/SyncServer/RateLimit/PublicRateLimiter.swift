/// The token buckets of the public trace routes, shared by every request: one bucket per client address.
actor PublicRateLimiter {
    private var buckets: TokenBuckets
    private let now: @Sendable () -> Double

    /// Allows each client `perMinute` requests a minute, in bursts of up to `perMinute`.
    /// - Parameter now: the time in seconds; by default the monotonic clock since the limiter was made.
    init(perMinute: Int, maxClients: Int = 10_000, now: (@Sendable () -> Double)? = nil) {
        buckets = TokenBuckets(capacity: perMinute, refillSeconds: 60, maxClients: maxClients)
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
