import PollCore

/// One question across the rounds it was asked in, and its change from the first to the last.
public struct QuestionShift: Sendable, Hashable {
    public var question: Question
    /// One distribution per round the question is asked in, in round order.
    public var rounds: [RoundDistribution]
    /// Percentage points, last round minus first, per row of the distributions (all
    /// respondents); `nil` when there is no change to measure (see `note`).
    public var changePoints: [Double]?
    /// A 95% interval per row for `changePoints` (Newcombe, rounds as independent samples);
    /// every kind with rows except `ranking` and `words`.
    public var intervals: [ConfidenceInterval?]?
    /// Why no change is measured, when it is not.
    public var note: String?
    /// Participants who answered in the first and the last round, and how they moved.
    public var paired: PairedChange?
    /// `likert`: share choosing one of the top two labels, per round (percent), its change and interval.
    public var agreement: AgreementShift?
    /// `scale` (and `likert` positions): the change of the mean, all respondents, with Welch's interval.
    public var meanChange: Double?
    public var meanInterval: ConfidenceInterval?
    /// `ranking`: options from best to worst mean rank, per round.
    public var consensus: [[String]]?
    /// `words`: words used only in the last round, and only in the first.
    public var newWords: [String]?
    public var vanishedWords: [String]?
    /// Which design the primary test has: on the participants who answered both rounds, or on
    /// each round's answers as two samples (see `ShiftAnalysis.design`). nil when untested.
    public var design: Design?
    public enum Design: String, Sendable, Hashable { case paired, unpaired }
    /// Every test the data allow; at most one is primary.
    public var tests: [ShiftTest] = []
    /// One sentence saying what changed, in the report's words.
    public var headline: String = ""
    public var verdict: Verdict = .notTested("")
    /// The verdict in words: "A clear shift (McNemar mid-p test, p = 0.003, Holm-adjusted p = 0.012)."
    public var verdictText: String { Headline.verdict(self) }

    public init(question: Question, rounds: [RoundDistribution], changePoints: [Double]?, note: String?,
                paired: PairedChange? = nil) {
        self.question = question
        self.rounds = rounds
        self.changePoints = changePoints
        self.note = note
        self.paired = paired
    }

    /// The primary test, if any.
    public var primary: ShiftTest? { tests.first(where: \.primary) }
}
