import PollCore

/// The show-of-hands editor: one count per option of the current question, for one round.
public struct HandsState: Sendable, Hashable {
    public var question: String
    public var round: String
    /// What the facilitator typed per option (digits only).
    public var entries: [String]
    public var cursor = 0

    public init(question: Question, round: String, counts: [Int]?) {
        self.question = question.id
        self.round = round
        entries = (counts ?? Array(repeating: 0, count: question.options.count)).map(String.init)
    }

    public var counts: [Int] { entries.map { Int($0) ?? 0 } }
}
