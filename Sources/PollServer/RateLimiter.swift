import Foundation
import Synchronization

/// Per-participant rate limit: a token bucket per participant token (`burst` answers at once,
/// refilled at `perSecond`). A phone answering at human speed never meets it; a script
/// hammering the server does. A lock, not an actor: it is on every answer's path.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var at: ContinuousClock.Instant

        /// The tokens there are `now`, refilled for the time since the last take.
        func tokens(at now: ContinuousClock.Instant, burst: Double, perSecond: Double) -> Double {
            min(burst, tokens + (now - at).inSeconds * perSecond)
        }

        /// Refills, then takes one token if there is one.
        mutating func take(now: ContinuousClock.Instant, burst: Double, perSecond: Double) -> Bool {
            tokens = tokens(at: now, burst: burst, perSecond: perSecond)
            at = now
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    private struct Table {
        /// Buckets by the token's hash: two tokens sharing a bucket is vanishingly unlikely
        /// with random tokens, and the table holds no tokens.
        var buckets: [Int: Bucket] = [:]
        var sweptAt: ContinuousClock.Instant
    }

    private let table: Mutex<Table>
    private let burst: Double
    private let perSecond: Double

    init(burst: Int = 20, perSecond: Double = 2) {
        self.burst = Double(burst)
        self.perSecond = perSecond
        table = Mutex(Table(sweptAt: .now))
    }

    /// Whether `key` may make one more request now.
    func allow(_ key: String) -> Bool {
        allow(key, at: .now)
    }

    func allow(_ key: String, at now: ContinuousClock.Instant) -> Bool {
        let key = key.hashValue
        return table.withLock { table in
            // Once a second, forget the buckets that have filled up again: a new bucket would
            // be the same. The table holds only the last few seconds' participants, so it
            // stays small and never has to grow far.
            if now - table.sweptAt > .seconds(1) {
                table.buckets = table.buckets.filter { $0.value.tokens(at: now, burst: burst, perSecond: perSecond) < burst }
                table.sweptAt = now
            }
            return table.buckets[key, default: Bucket(tokens: burst, at: now)].take(now: now, burst: burst, perSecond: perSecond)
        }
    }

    /// How many participants the limiter remembers (tests).
    var remembered: Int { table.withLock { $0.buckets.count } }
}
