import PollCore

/// Where the facilitator (or moderator) is on the Q&A screen.
public struct QandAScreenState: Sendable, Hashable {
    /// The column the selection is in.
    public var side: QandASide = .room
    /// The selected question.
    public var selected: Int64?
    /// The moderation view shows waiting and hidden questions too; the wall view (safe to
    /// project) only what everyone may see.
    public var moderating = false
    /// A line being typed: a corrected text or a relayed question.
    public var input: Input?
    /// A duplicate chosen with `m`, waiting for the question it is merged into.
    public var merging: Int64?
    /// The screen to go back to.
    public var returnTo: ConsoleScreen = .lobby

    public struct Input: Sendable, Hashable {
        public enum Purpose: Sendable, Hashable {
            case edit(Int64)
            case relay(QandASide)
        }

        public var purpose: Purpose
        public var text: String
    }

    public init(moderating: Bool = false) {
        self.moderating = moderating
    }

    /// The questions of one column as shown: the one being answered, then the open ones by
    /// votes (waiting ones among them when moderating), then the answered ones, then (when
    /// moderating) the hidden ones.
    public func column(_ side: QandASide, of board: QandABoard) -> [QandAQuestion] {
        let open: Set<QandAState> = moderating ? [.shown, .waiting] : [.shown]
        var list = board.ranked(side: side, states: [.answering]) + board.ranked(side: side, states: open)
        list += board.ranked(side: side, states: [.answered]).sorted { ($0.answeredOrder ?? 0) > ($1.answeredOrder ?? 0) }
        if moderating { list += board.ranked(side: side, states: [.hidden]) }
        return list
    }
}
