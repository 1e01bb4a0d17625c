/// The facilitator-controlled state of a live session: which round is open, which question
/// is current, whether voting on it is open. Stored with the session; a pure value.
public struct SessionControl: Sendable, Hashable, Codable {
    public var pace: Pace
    /// The phase of every round of the poll.
    public var phases: [String: RoundPhase]
    /// The question on screen (and, in presenter pace, the only one that can be opened).
    public var currentQuestion: String?
    /// Presenter pace: whether the current question accepts answers.
    public var votingOpen: Bool
    /// What the wall shows of the current question beyond the question itself: its results
    /// (revealed) or the comparison of the rounds. Phones show the same (unless the poll
    /// turns that off); nil: the question only.
    public var shown: Shown?
    /// How far the agenda has gone (when the poll has one).
    public var agenda: AgendaClock?

    public enum Shown: String, Sendable, Hashable, Codable {
        case results
        case compare
    }

    public init(pace: Pace, phases: [String: RoundPhase], currentQuestion: String?, votingOpen: Bool = false) {
        self.pace = pace
        self.phases = phases
        self.currentQuestion = currentQuestion
        self.votingOpen = votingOpen
    }

    /// The state of a new session of `poll`: every round pending, the first question current.
    public init(startOf poll: PollDefinition, pace: Pace? = nil) {
        self.init(pace: pace ?? poll.pace,
                  phases: Dictionary(uniqueKeysWithValues: poll.rounds.map { ($0, .pending) }),
                  currentQuestion: poll.questions.first?.id)
    }

    /// The round that accepts answers, if any (at most one is open).
    public var openRound: String? {
        phases.first { $0.value == .open }?.key
    }

    public func phase(of round: String) -> RoundPhase { phases[round] ?? .pending }
}
