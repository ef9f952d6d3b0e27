/// The token buckets of the public trace routes, shared by every request: one bucket per client address.
actor PublicRateLimiter {
    private var buckets: TokenBuckets
    private let start = ContinuousClock.now

    /// Allows each client `perMinute` requests a minute, in bursts of up to `perMinute`.
    init(perMinute: Int, maxClients: Int = 10_000) {
        buckets = TokenBuckets(capacity: perMinute, refillSeconds: 60, maxClients: maxClients)
    }

    /// Takes a token for `client` now.
    func take(_ client: String) -> TokenBuckets.Decision {
        let elapsed = (ContinuousClock.now - start).components
        return buckets.take(client, at: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}
