import Foundation
import PollCore

/// The audience Q&A as a report tells it: the questions in the order they were answered,
/// then the unanswered ones by votes, and how the answering time split between the room and
/// online. Hidden and merged questions are not in it (the JSON export has them).
public struct QandASummary: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var id: Int64
        public var text: String
        public var name: String?
        public var side: QandASide
        public var channel: QandAChannel
        public var state: QandAState
        public var votes: Int
        /// Time spent answering it (a question still being answered counts up to the report).
        public var seconds: Double
    }

    public struct Side: Sendable, Hashable {
        public var asked = 0
        public var answered = 0
        public var seconds: Double = 0
    }

    public var answered: [Item]
    public var unanswered: [Item]
    public var room: Side
    public var online: Side
    /// Questions never approved, and questions hidden (counted, not listed).
    public var waiting: Int
    public var hidden: Int

    /// The summary of `board` at `end` (the time of the report).
    public init(_ board: QandABoard, end: Date) {
        func item(_ question: QandAQuestion) -> Item {
            Item(id: question.id, text: question.text, name: question.name, side: question.side, channel: question.channel,
                 state: question.state, votes: question.votes, seconds: question.seconds(now: end))
        }
        answered = board.answeredInOrder.filter { $0.state != .hidden }.map(item)
        let open = board.ranked(states: [.answering]) + board.ranked(states: [.shown])
        unanswered = open.filter { $0.answeredOrder == nil }.map(item)
        // A question taken up again after being answered is listed once, where it was first answered.
        let clock = QandAClock(board, now: end)
        room = Side(answered: clock.room.answered, seconds: clock.room.seconds)
        online = Side(answered: clock.online.answered, seconds: clock.online.seconds)
        for question in board.questions.values where question.state != .merged {
            if question.side == .room { room.asked += 1 } else { online.asked += 1 }
        }
        waiting = board.questions.values.filter { $0.state == .waiting }.count
        hidden = board.questions.values.filter { $0.state == .hidden }.count
    }

    public subscript(side: QandASide) -> Side { side == .room ? room : online }

    /// "Answering time: in the room 6:10 (56%, 4 answered of 7 asked); online 4:50 (44%, 3 answered of 5 asked)."
    public var split: String {
        // Shares of under a second of answering in all would only be noise.
        let total = room.seconds + online.seconds >= 1 ? room.seconds + online.seconds : 0
        func part(_ side: QandASide) -> String {
            let s = self[side]
            let share = total > 0 ? "\(Int((100 * s.seconds / total).rounded()))%, " : ""
            return "\(side.label) \(QandAClock.minutes(s.seconds)) (\(share)\(s.answered) answered of \(s.asked) asked)"
        }
        return "Answering time: \(part(.room)); \(part(.online))."
    }
}
