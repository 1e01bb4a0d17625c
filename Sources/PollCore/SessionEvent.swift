import Foundation

/// Something the facilitator does to a live session.
public enum SessionEvent: Sendable, Hashable {
    /// Opens a round for answers; any other open round closes.
    case openRound(String)
    /// Closes a round.
    case closeRound(String)
    /// Makes a question current.
    case select(String)
    /// The next question of the poll (of the open round, if one is open).
    case next
    /// The previous question.
    case previous
    /// Presenter pace: opens voting on the current question.
    case openVoting
    /// Presenter pace: closes voting on the current question.
    case closeVoting
    /// Switches between audience and presenter pace.
    case setPace(Pace)
    /// Shows the current question's results or comparison on the wall (and phones), or
    /// neither (nil).
    case show(SessionControl.Shown?)
    /// Starts the agenda, or moves on to its next part, at the given time (after the last
    /// part: ends it).
    case nextAgendaPart(at: Date)
}

/// What the I/O shell must do after the engine handled an event.
public enum SessionEffect: Sendable, Hashable {
    /// Store the new control state (the store is the source of truth).
    case persist(SessionControl)
    /// Tell everyone following the session (screens, participant pages) what changed.
    case broadcast(SessionControl)
}

/// Why the engine refused a facilitator event.
public enum SessionEventError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownRound(String)
    case unknownQuestion(String)
    case noQuestion
    case noRoundOpen
    case notAskedInOpenRound(question: String, round: String)
    case audiencePace
    case noAgenda

    public var description: String {
        switch self {
        case .unknownRound(let r): return "the poll has no round `\(r)`"
        case .unknownQuestion(let q): return "the poll has no question `\(q)`"
        case .noQuestion: return "no question is current"
        case .noRoundOpen: return "no round is open: open one first"
        case let .notAskedInOpenRound(q, r): return "question `\(q)` is not asked in the \(r) round"
        case .noAgenda: return "the poll has no agenda: add `agenda:` to the poll file"
        case .audiencePace: return "in audience pace every question of the open round is open; there is no voting to open or close"
        }
    }
}
