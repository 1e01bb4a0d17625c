import Foundation

/// Per-participant rate limit: a token bucket per participant token (`burst` answers at once,
/// refilled at `perSecond`). A phone answering at human speed never meets it; a script
/// hammering the server does.
actor RateLimiter {
    private var buckets: [String: (tokens: Double, at: ContinuousClock.Instant)] = [:]
    private let burst: Double
    private let perSecond: Double
    private let clock = ContinuousClock()

    init(burst: Int = 20, perSecond: Double = 2) {
        self.burst = Double(burst)
        self.perSecond = perSecond
    }

    /// Whether `key` may make one more request now.
    func allow(_ key: String) -> Bool {
        let now = clock.now
        var bucket = buckets[key] ?? (burst, now)
        let elapsed = Double((now - bucket.at).components.seconds) + Double((now - bucket.at).components.attoseconds) * 1e-18
        bucket.tokens = min(burst, bucket.tokens + elapsed * perSecond)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return false
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        if buckets.count > 100_000 { buckets = buckets.filter { $0.value.tokens < burst - 1 } }
        return true
    }
}
