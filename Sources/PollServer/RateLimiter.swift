import Foundation
import Synchronization

/// Per-participant rate limit: a token bucket per participant token (`burst` answers at once,
/// refilled at `perSecond`). A phone answering at human speed never meets it; a script
/// hammering the server does. A lock, not an actor: it is on every answer's path.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var at: ContinuousClock.Instant

        /// Refills for the time since the last take, then takes one token if there is one.
        mutating func take(now: ContinuousClock.Instant, burst: Double, perSecond: Double) -> Bool {
            let elapsed = now - at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            tokens = min(burst, tokens + seconds * perSecond)
            at = now
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    /// Buckets by the token's hash: two tokens sharing a bucket is vanishingly unlikely with
    /// random tokens, and the table holds no tokens.
    private let buckets = Mutex<[Int: Bucket]>([:])
    private let burst: Double
    private let perSecond: Double

    init(burst: Int = 20, perSecond: Double = 2) {
        self.burst = Double(burst)
        self.perSecond = perSecond
    }

    /// Whether `key` may make one more request now.
    func allow(_ key: String) -> Bool {
        let now = ContinuousClock.now
        let key = key.hashValue
        return buckets.withLock { buckets in
            // Forget full buckets now and then, so the table stays small.
            if buckets.count > 200_000 { buckets = buckets.filter { $0.value.tokens < burst - 1 } }
            return buckets[key, default: Bucket(tokens: burst, at: now)].take(now: now, burst: burst, perSecond: perSecond)
        }
    }
}
