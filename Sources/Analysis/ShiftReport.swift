/// How the room's views moved: every question's distributions per round and its change.
public struct ShiftReport: Sendable, Hashable {
    public var session: SessionInfo
    /// The poll's rounds, in order.
    public var rounds: [String]
    /// Participants who answered at least one question, per round.
    public var participants: [String: Int]
    public var questions: [QuestionShift]

    public init(session: SessionInfo, rounds: [String], participants: [String: Int], questions: [QuestionShift]) {
        self.session = session
        self.rounds = rounds
        self.participants = participants
        self.questions = questions
    }
}
