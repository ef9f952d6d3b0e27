import SyncCore
import CentralCore
import CentralSQLite

/// The token buckets of password checks (`POST /v1/auth/login`, and `/v1/auth/password` with an old password): one
/// bucket per client address and one per name tried, known or not, so neither one address trying many names nor
/// many addresses trying one name get more than their share. Past either limit the answer is 429 with `Retry-After`.
actor LoginRateLimiter {
    private var byAddress: TokenBuckets
    private var byName: TokenBuckets
    private let now: @Sendable () -> Double

    /// Allows each address `perAddress` and each name `perName` attempts a minute, in bursts of as many.
    /// - Parameter now: the time in seconds; by default the monotonic clock since the limiter was made.
    init(perAddress: Int, perName: Int, now: (@Sendable () -> Double)? = nil) {
        byAddress = TokenBuckets(capacity: perAddress, refillSeconds: 60)
        byName = TokenBuckets(capacity: perName, refillSeconds: 60)
        self.now = now ?? {
            let start = ContinuousClock.now
            return {
                let elapsed = (ContinuousClock.now - start).components
                return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            }
        }()
    }

    /// Takes a token of the address and one of the name; a name's token is not taken when its address has none.
    /// - Throws: `APIError` 429 `rate_limited` with the seconds until a try is allowed again.
    func admit(address: String, name: String) throws {
        let time = now()
        if case .refused(let retryAfter) = byAddress.take(address, at: time) { throw Self.tooMany(retryAfter: retryAfter) }
        if case .refused(let retryAfter) = byName.take(name, at: time) { throw Self.tooMany(retryAfter: retryAfter) }
    }

    /// The 429 answer, with its `Retry-After`.
    static func tooMany(retryAfter: Int) -> APIError {
        var error = APIError(refusal(retryAfter: retryAfter))
        error.retryAfter = retryAfter
        return error
    }

    /// The refusal of a login over its limit.
    static func refusal(retryAfter: Int) -> TraceSyncError {
        TraceSyncError(.rateLimited, field: nil,
                       zh: "登录尝试过于频繁：请 \(retryAfter) 秒后再试。",
                       en: "too many login attempts: try again in \(retryAfter) seconds.")
    }
}
