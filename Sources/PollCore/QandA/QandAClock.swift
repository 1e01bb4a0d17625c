import Foundation

/// The equal-time split: how long each side's questions have been answered and how many,
/// and which question to take next.
public struct QandAClock: Sendable, Hashable {
    public struct Side: Sendable, Hashable {
        public var seconds: Double = 0
        public var answered = 0
    }

    public var room = Side()
    public var online = Side()

    public subscript(side: QandASide) -> Side {
        get { side == .room ? room : online }
        set { if side == .room { room = newValue } else { online = newValue } }
    }

    /// The clocks of `board` at `now` (a question being answered counts up to `now`).
    public init(_ board: QandABoard, now: Date) {
        for question in board.questions.values where question.state != .merged {
            self[question.side].seconds += question.seconds(now: now)
            // A question answered and then hidden keeps its time but is not counted as answered
            // (reports do not list hidden questions).
            if question.answeredOrder != nil, question.state != .hidden {
                self[question.side].answered += 1
            }
        }
    }

    /// The side whose turn it is: the one with less time answered (then fewer answered; the
    /// room on a full tie).
    public var behind: QandASide {
        if room.seconds != online.seconds { return room.seconds < online.seconds ? .room : .online }
        return online.answered < room.answered ? .online : .room
    }

    /// "room 6:10 · 4 answered | online 4:50 · 3 answered"
    public var summary: String {
        "room \(Self.minutes(room.seconds)) · \(room.answered) answered | online \(Self.minutes(online.seconds)) · \(online.answered) answered"
    }

    /// `m:ss` (or `h:mm:ss`), whole seconds rounded down.
    public static func minutes(_ seconds: Double) -> String {
        let total = Int(max(0, seconds))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(total / 60):\(two(s))"
    }
}

extension QandABoard {
    /// The question to take next: from the side that is behind, the most voted shown one;
    /// from the other side when that side has none waiting.
    public func proposal(now: Date) -> QandAQuestion? {
        let side = QandAClock(self, now: now).behind
        return ranked(side: side, states: [.shown]).first ?? ranked(side: side.other, states: [.shown]).first
    }
}
