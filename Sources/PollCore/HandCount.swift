import Foundation

/// Show-of-hands counts typed in by the facilitator for one question in one round.
public struct HandCount: Sendable, Hashable {
    public var round: String
    public var question: String
    /// One count per option, in option order.
    public var counts: [Int]
    public var updatedAt: Date

    public init(round: String, question: String, counts: [Int], updatedAt: Date) {
        self.round = round
        self.question = question
        self.counts = counts
        self.updatedAt = updatedAt
    }

    /// The largest count one option may have: far above any room, far below overflow.
    public static let maxCount = 1_000_000

    /// Checks the counts against the question: a single or likert question, one count per option, none negative.
    public func validate(against definition: PollDefinition) throws(HandCountError) {
        guard let question = definition.question(question) else { throw .unknownQuestion(self.question) }
        guard question.kind == .single || question.kind == .likert else {
            throw .notAChoiceQuestion(question.id)
        }
        guard question.isAsked(in: round) else { throw .notAskedInRound(question: question.id, round: round) }
        guard counts.count == question.options.count else {
            throw .wrongCount(expected: question.options.count, given: counts.count)
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .negative }
        guard counts.allSatisfy({ $0 <= Self.maxCount }) else { throw .tooLarge }
    }
}

/// Why show-of-hands counts were refused.
public enum HandCountError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownQuestion(String)
    case notAChoiceQuestion(String)
    case notAskedInRound(question: String, round: String)
    case wrongCount(expected: Int, given: Int)
    case negative
    case tooLarge

    public var description: String {
        switch self {
        case .unknownQuestion(let q): return "the poll has no question `\(q)`"
        case .notAChoiceQuestion(let q): return "question `\(q)` is not a single or likert question: a show of hands counts one choice per person"
        case let .notAskedInRound(q, r): return "question `\(q)` is not asked in the \(r) round"
        case let .wrongCount(expected, given): return "\(given) counts given for \(expected) options"
        case .negative: return "a count cannot be negative"
        case .tooLarge: return "a count cannot be over \(HandCount.maxCount)"
        }
    }
}
