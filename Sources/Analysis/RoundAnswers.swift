import PollCore

/// A question's individual answers in the first and the last round it was asked in, and the
/// participants who answered in both. Show-of-hands counts are not here: they are never paired.
struct RoundAnswers {
    let question: Question
    let first: QuestionTally
    let last: QuestionTally
    /// (first-round answer, last-round answer) of each participant who gave both, in the order
    /// their first-round answers arrived, so that results never depend on dictionary order.
    let pairs: [(before: Answer, after: Answer)]

    init(first: QuestionTally, last: QuestionTally) {
        question = first.question
        self.first = first
        self.last = last
        pairs = first.pairs(with: last)
    }

    /// Whether `answer` picked option `option` (single, multi, likert).
    static func chose(_ answer: Answer, _ option: Int) -> Bool {
        switch answer {
        case .choice(let i): return i == option
        case .choices(let picked): return picked.contains(option)
        default: return false
        }
    }

    /// The position an ordered answer stands for: likert 1…k, scale its value, ranking the
    /// place (1 = first) of `option`.
    static func position(_ answer: Answer, option: Int? = nil) -> Double? {
        switch answer {
        case .choice(let i): return Double(i + 1)
        case .number(let value): return Double(value)
        case .order(let order): return option.flatMap { order.firstIndex(of: $0) }.map { Double($0 + 1) }
        default: return nil
        }
    }

    /// Values from a round's counts per position (hands included): count × (base + index).
    static func values(counts: [Int], base: Int) -> [Double] {
        counts.enumerated().flatMap { Array(repeating: Double(base + $0.offset), count: $0.element) }
    }

    /// The 2×2 paired table of one option: both, last only, first only, neither.
    func pairedTable(option: Int) -> (a: Int, b: Int, c: Int, d: Int) {
        pairedTable { Self.chose($0, option) }
    }

    /// The 2×2 paired table of answers that are `counted`: both, last only, first only, neither.
    func pairedTable(_ counted: (Answer) -> Bool) -> (a: Int, b: Int, c: Int, d: Int) {
        var a = 0, b = 0, c = 0, d = 0
        for pair in pairs {
            switch (counted(pair.before), counted(pair.after)) {
            case (true, true): a += 1
            case (false, true): b += 1
            case (true, false): c += 1
            case (false, false): d += 1
            }
        }
        return (a, b, c, d)
    }
}
