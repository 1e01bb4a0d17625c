import PollCore
import Synchronization

/// Lets new participants in: at most `perMinute` from one source address a minute (all at
/// once, then spread over the minute), and tells the facilitator about refused joins and
/// unusual bursts. Addresses live only in the limiter's memory, hashed, for a minute or so:
/// never stored or logged.
final class JoinGate: Sendable {
    private let limiter: RateLimiter
    private let watch: Mutex<JoinWatch>
    private let alert: @Sendable (String) -> Void
    private let started = ContinuousClock.now

    init(perMinute: Int, alert: @escaping @Sendable (String) -> Void) {
        limiter = RateLimiter(burst: perMinute, perSecond: Double(perMinute) / 60)
        watch = Mutex(JoinWatch(limit: perMinute))
        self.alert = alert
    }

    /// Whether one more participant may join from `address` now.
    func admit(from address: String) -> Bool {
        let seconds = (ContinuousClock.now - started).inSeconds
        let admitted = limiter.allow(address)
        let message = watch.withLock { admitted ? $0.joined(at: seconds) : $0.refused(at: seconds) }
        if let message { alert(message) }
        return admitted
    }
}
