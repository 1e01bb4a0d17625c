import Foundation

/// How far a session's agenda has gone: when each part began (the facilitator moves on with a
/// key), and when the last one ended. Stored in the session's control state, so a resumed
/// console keeps the clock. Pure: every time comes with the event that set it.
public struct AgendaClock: Sendable, Hashable, Codable {
    /// When each part reached so far began, in order (the last is the current part).
    public var started: [Date] = []
    /// When the last part ended.
    public var ended: Date?

    public init(started: [Date] = [], ended: Date? = nil) {
        self.started = started
        self.ended = ended
    }

    /// The current part's index (nil before the agenda starts or after it ends).
    public var current: Int? { ended == nil && !started.isEmpty ? started.count - 1 : nil }

    /// Starts the agenda, or moves on to the next part at `time`; after the last of `count`
    /// parts, ends it.
    public mutating func next(at time: Date, count: Int) {
        guard ended == nil, count > 0 else { return }
        if started.count < count { started.append(time) } else { ended = time }
    }

    /// Seconds part `index` took (the current one: up to `now`); nil if it has not begun.
    public func seconds(of index: Int, now: Date) -> Double? {
        guard index < started.count else { return nil }
        let end = index + 1 < started.count ? started[index + 1] : (ended ?? now)
        return max(0, end.timeIntervalSince(started[index]))
    }
}
