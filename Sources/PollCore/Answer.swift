/// One participant's answer to one question, in a form checked against the question.
public enum Answer: Sendable, Hashable, Codable {
    /// `single` and `likert`: the 0-based index of the chosen option.
    case choice(Int)
    /// `multi`: the 0-based indexes of the chosen options, ascending, no repeats.
    case choices([Int])
    /// `scale`: the value.
    case number(Int)
    /// `ranking`: every option's 0-based index, most preferred first.
    case order([Int])
    /// `words`: one to three words as typed (trimmed).
    case words([String])
    /// `text`: free text (trimmed).
    case text(String)
}

/// Why an answer does not fit its question.
public enum AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case wrongOption(String)
    case duplicateChoice(String)
    case tooManyChoices(allowed: Int, given: Int)
    case notANumber(String)
    case outOfRange(value: Int, range: ClosedRange<Int>)
    case incompleteRanking(missing: [String])
    /// Several options of a ranking given the same place.
    case samePlace(options: [String], place: Int)
    case tooManyWords(allowed: Int, given: Int)
    case tooLong(limit: Int)
    case wrongKind(expected: QuestionKind)

    public var description: String {
        switch self {
        case .empty: return "the answer is empty"
        case .wrongOption(let label): return "`\(label)` is not one of the options"
        case .duplicateChoice(let label): return "`\(label)` is chosen twice"
        case let .tooManyChoices(allowed, given): return "\(given) options chosen, at most \(allowed) allowed"
        case .notANumber(let text): return "`\(text)` is not a whole number"
        case let .outOfRange(value, range): return "\(value) is outside \(range.lowerBound)–\(range.upperBound)"
        case .incompleteRanking(let missing): return "the ranking leaves out \(missing.map { "`\($0)`" }.joined(separator: ", "))"
        case let .samePlace(options, place):
            return options.map { "`\($0)`" }.joined(separator: " and ") + " \(options.count == 2 ? "both" : "all") have place \(place)"
        case let .tooManyWords(allowed, given): return "\(given) words given, at most \(allowed) allowed"
        case .tooLong(let limit): return "longer than \(limit) characters"
        case .wrongKind(let kind): return "not an answer to a \(kind.rawValue) question"
        }
    }
}
