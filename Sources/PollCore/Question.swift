/// One question of a poll, as resolved from the poll file.
public struct Question: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, used in stored responses, imports and reports.
    public var id: String
    public var kind: QuestionKind
    /// The prompt shown to participants.
    public var ask: String
    /// The choices: options for `single`, `multi` and `ranking`; the scale labels for `likert`;
    /// empty for `scale`, `words` and `text`.
    public var options: [String]
    /// `multi`: the most options one answer may pick. `scale`: the largest value.
    public var max: Int?
    /// `scale`: the smallest value.
    public var min: Int?
    /// Whether the answer groups participants for breakdowns.
    public var segment: Bool
    /// The rounds this question is asked in.
    public var rounds: [String]
    /// The prompt and options in the poll's other languages, by language tag; nil: one language.
    public var translations: [String: QuestionText]?
    /// `single`, `multi`: the correct option(s), ascending (a knowledge question); nil: none.
    public var correct: [Int]?
    /// Whether the question counts in the poll's knowledge check (it has `correct`).
    public var knowledge: Bool?

    public init(
        id: String, kind: QuestionKind, ask: String, options: [String] = [],
        max: Int? = nil, min: Int? = nil, segment: Bool = false, rounds: [String]
    ) {
        self.id = id
        self.kind = kind
        self.ask = ask
        self.options = options
        self.max = max
        self.min = min
        self.segment = segment
        self.rounds = rounds
    }

    /// The five-point agree scale used when a likert question names no labels.
    public static let defaultLikertLabels = AgreeScale.english
    /// Scale range used when a scale question names no `min`/`max`.
    public static let defaultScaleRange = 0...10
    /// The most words one `words` answer may hold.
    public static let maxWords = 3
    /// The longest word of a `words` answer, in characters.
    public static let maxWordLength = 32
    /// The longest `text` answer, in characters.
    public static let maxTextLength = 280

    /// `scale`: the allowed values.
    public var scaleRange: ClosedRange<Int> {
        (min ?? Self.defaultScaleRange.lowerBound)...(max ?? Self.defaultScaleRange.upperBound)
    }

    /// `multi`: how many options one answer may pick.
    public var maxChoices: Int { max ?? options.count }

    /// Whether the question is asked in `round`.
    public func isAsked(in round: String) -> Bool { rounds.contains(round) }

    /// Whether `answer` is right: the correct option (`single`), or all the correct options
    /// and only them (`multi`); nil when the question has no correct answer.
    public func isCorrect(_ answer: Answer) -> Bool? {
        guard let correct else { return nil }
        switch answer {
        case .choice(let option): return correct == [option]
        case .choices(let options): return options.sorted() == correct
        default: return false
        }
    }

    /// Whether the wall and the phones may mark the correct answer now: only once its results
    /// are shown and no open round asks the question (so nobody answers knowing it).
    public func revealsCorrectAnswer(under control: SessionControl) -> Bool {
        control.shown != nil && mayRevealCorrectAnswer(whileOpen: control.openRound)
    }

    /// Whether a knowledge question's right answer may be shown while `openRound` is open
    /// (nil: none is): only when that round does not ask it.
    public func mayRevealCorrectAnswer(whileOpen openRound: String?) -> Bool {
        correct != nil && !(openRound.map(isAsked(in:)) ?? false)
    }
}
