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

    public init(question: Question, rounds: [RoundDistribution], changePoints: [Double]?, note: String?) {
        self.question = question
        self.rounds = rounds
        self.changePoints = changePoints
        self.note = note
    }
}
