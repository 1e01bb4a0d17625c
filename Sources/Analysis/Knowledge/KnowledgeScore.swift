import PollCore

/// One participant's result on a poll's knowledge check in one round: how many of its
/// questions they answered correctly (`multi`: all the correct options and only them), out of
/// those they answered (a skipped question counts neither way).
public struct KnowledgeScore: Sendable, Hashable {
    public var correct: Int
    public var answered: Int

    public init(correct: Int, answered: Int) {
        self.correct = correct
        self.answered = answered
    }

    /// Correct answers as a percentage of those answered (nil: none answered).
    public var percent: Double? { answered > 0 ? 100 * Double(correct) / Double(answered) : nil }

    /// Every participant's score in `round`, by participant key, over `questions` (default: the
    /// poll's knowledge questions asked in that round); participants who answered none of them
    /// are left out.
    public static func scores(_ tally: Tally, round: String, questions: [Question]? = nil) -> [String: KnowledgeScore] {
        var scores: [String: KnowledgeScore] = [:]
        for question in questions ?? tally.definition.questions(in: round).filter(\.isKnowledge) where question.isAsked(in: round) {
            guard let counted = tally.tally(round: round, question: question.id) else { continue }
            for (participant, entry) in counted.entries {
                let right = question.isCorrect(entry.answer) == true
                scores[participant, default: KnowledgeScore(correct: 0, answered: 0)].answered += 1
                if right { scores[participant]!.correct += 1 }
            }
        }
        return scores
    }
}
