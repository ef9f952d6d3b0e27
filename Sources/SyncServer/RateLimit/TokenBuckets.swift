/// Token buckets per client, as a pure state machine: the caller passes the time, the buckets decide.
///
/// Each client may burst up to `capacity` requests, and gets `capacity` tokens back per `refillSeconds`. A client
/// whose bucket has refilled is forgotten, so memory is bounded by the clients active within one refill period, and
/// never exceeds `maxClients`: past it, the client seen longest ago is dropped (at worst it gets a fresh bucket).
struct TokenBuckets {
    /// What `take(_:at:)` decided.
    enum Decision: Equatable {
        case allowed
        /// Refused; a token is back after this many whole seconds (at least 1).
        case refused(retryAfter: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let capacity: Double
    /// Tokens per second.
    let rate: Double
    let maxClients: Int
    private var buckets: [String: Bucket] = [:]

    /// Buckets of `capacity` tokens that refill completely in `refillSeconds`.
    init(capacity: Int, refillSeconds: Double = 60, maxClients: Int = 10_000) {
        precondition(capacity > 0 && refillSeconds > 0 && maxClients > 0)
        self.capacity = Double(capacity)
        self.rate = Double(capacity) / refillSeconds
        self.maxClients = maxClients
    }

    /// The number of clients remembered.
    var clientCount: Int { buckets.count }

    /// Takes one token of `client`'s bucket at `now` (seconds on a monotonic clock).
    mutating func take(_ client: String, at now: Double) -> Decision {
        var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
        bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * rate)
        bucket.updated = now
        let decision: Decision
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            decision = .allowed
        } else {
            decision = .refused(retryAfter: max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))))
        }
        if buckets[client] == nil, buckets.count >= maxClients { evict(at: now) }
        buckets[client] = bucket
        return decision
    }

    /// Forgets the clients whose bucket is full again; if none is, the one seen longest ago.
    private mutating func evict(at now: Double) {
        let idle = capacity / rate
        buckets = buckets.filter { now - $0.value.updated < idle - $0.value.tokens / rate }
        if buckets.count >= maxClients, let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[oldest] = nil
        }
    }
}
