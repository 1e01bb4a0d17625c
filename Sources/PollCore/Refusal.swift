/// Why the engine refused an answer.
public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The round is not open (or no round is open).
    case roundClosed(String?)
    /// Presenter pace: the question is not the open one.
    case questionClosed(String)
    /// The poll has no such question.
    case unknownQuestion(String)
    /// The question exists but is not asked in this round.
    case notAskedInRound(question: String, round: String)
    /// The poll has no such round.
    case unknownRound(String)
    /// The answer does not fit the question.
    case invalid(AnswerProblem)

    public var description: String {
        switch self {
        case .roundClosed(let round):
            return round.map { "round `\($0)` is not open" } ?? "no round is open"
        case .questionClosed(let q): return "question `\(q)` is not open for answers"
        case .unknownQuestion(let q): return "the poll has no question `\(q)`"
        case let .notAskedInRound(q, r): return "question `\(q)` is not asked in the \(r) round"
        case .unknownRound(let r): return "the poll has no round `\(r)`"
        case .invalid(let problem): return problem.description
        }
    }
}
