import Foundation
import Synchronization

/// Per-participant rate limit: a token bucket per participant token (`burst` answers at once,
/// refilled at `perSecond`). A phone answering at human speed never meets it; a script
/// hammering the server does. A lock, not an actor: it is on every answer's path.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var at: ContinuousClock.Instant
    }

    private let buckets = Mutex<[String: Bucket]>([:])
    private let burst: Double
    private let perSecond: Double

    init(burst: Int = 20, perSecond: Double = 2) {
        self.burst = Double(burst)
        self.perSecond = perSecond
    }

    /// Whether `key` may make one more request now.
    func allow(_ key: String) -> Bool {
        let now = ContinuousClock.now
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, at: now)
            let elapsed = now - bucket.at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            bucket.tokens = min(burst, bucket.tokens + seconds * perSecond)
            bucket.at = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[key] = bucket
            // Forget full buckets now and then, so the table stays small.
            if buckets.count > 200_000 { buckets = buckets.filter { $0.value.tokens < burst - 1 } }
            return allowed
        }
    }
}
