import Foundation

/// A question from the audience (or relayed by a moderator), as the board holds it.
public struct QandAQuestion: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var text: String
    /// The text as first asked, when it was corrected since.
    public var original: String?
    /// The name its author typed; nil: anonymous.
    public var name: String?
    public var side: QandASide
    public var channel: QandAChannel
    /// The asking participant's token (nil when relayed).
    public var author: String?
    public var state: QandAState
    public var votes: Int
    public var askedAt: Date
    /// The question this one was merged into.
    public var mergedInto: Int64?
    /// Time spent answering it so far, not counting a running "now answering".
    public var secondsAnswered: Double
    /// Since when it is being answered (while `state` is `.answering`).
    public var answeringSince: Date?
    /// 1 for the first question answered, 2 for the next, … (nil while never answered).
    public var answeredOrder: Int?

    /// Time spent answering it, the running part up to `now` included.
    public func seconds(now: Date) -> Double {
        secondsAnswered + (answeringSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}
