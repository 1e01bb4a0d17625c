import PollCore

/// One question across the rounds it was asked in, and its change from the first to the last.
public struct QuestionShift: Sendable, Hashable {
    public var question: Question
    /// One distribution per round the question is asked in, in round order.
    public var rounds: [RoundDistribution]
    /// Percentage points, last round minus first, per row of the distributions; `nil` when
    /// there is no change to measure (see `note`).
    public var changePoints: [Double]?
    /// Why no change is measured, when it is not.
    public var note: String?
    /// Participants who answered in the first and the last round, and how many answered differently.
    public var paired: PairedChange?

    public init(question: Question, rounds: [RoundDistribution], changePoints: [Double]?, note: String?,
                paired: PairedChange? = nil) {
        self.question = question
        self.rounds = rounds
        self.changePoints = changePoints
        self.note = note
        self.paired = paired
    }
}

/// How the participants who answered a question in both rounds moved.
public struct PairedChange: Sendable, Hashable {
    /// Participants with an answer in both rounds.
    public var n: Int
    /// Of those, how many gave a different answer in the last round.
    public var differently: Int

    public init(n: Int, differently: Int) {
        self.n = n
        self.differently = differently
    }
}
