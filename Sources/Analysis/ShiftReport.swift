/// How the room's views moved: every question's distributions per round and its change.
public struct ShiftReport: Sendable, Hashable {
    public var session: SessionInfo
    /// The poll's rounds, in order; the first and the last are compared.
    public var rounds: [String]
    /// Participants who answered at least one question, per round.
    public var participants: [String: Int]
    /// Participants who answered at least one question in the first and in the last round.
    public var pairedParticipants = 0
    public var questions: [QuestionShift]
    /// Every segment question's breakdown of the other questions.
    public var segments: [SegmentBreakdown] = []
    /// For rooms under `ShiftAnalysis.smallRoom` people: how precise the percentages are.
    public var caveat: String?
    /// The audience Q&A, when the poll has it on.
    public var qandA: QandASummary?
    /// How the session kept to its agenda, when the poll has one.
    public var agenda: AgendaSummary?
    /// The poll's knowledge check between the first and last rounds, when it has one.
    public var knowledge: KnowledgeAnalysis?
    /// The language the report shows the poll's text in (nil: the poll's main language).
    public var language: String?
    /// A translated poll: how many answers came in each language, per round.
    public var answerLanguages: [AnswerLanguageCount]?

    public init(session: SessionInfo, rounds: [String], participants: [String: Int], questions: [QuestionShift]) {
        self.session = session
        self.rounds = rounds
        self.participants = participants
        self.questions = questions
    }
}

extension ShiftReport {
    /// The order every summary lists the questions in (indexes into `questions`): clear shifts
    /// first, then those tested but not clear, then the untested; within each, the largest change
    /// of any row first, then the poll's order.
    public var summaryOrder: [Int] {
        func size(_ shift: QuestionShift) -> Double { shift.changePoints?.map(abs).max() ?? -1 }
        return questions.indices.sorted { a, b in
            let (x, y) = (questions[a], questions[b])
            return (x.verdict.order, -size(x), a) < (y.verdict.order, -size(y), b)
        }
    }
}
