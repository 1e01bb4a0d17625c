import HashTreeCollections

/// The live count of one question in one round, updated answer by answer.
///
/// Only each participant's latest answer counts; recording a new one takes the old one's
/// contribution out first. Show-of-hands counts are added on top and are never paired.
public struct QuestionTally: Sendable, Hashable {
    public internal(set) var question: Question
    /// Each participant's latest answer and when it arrived, by participant token. A hash
    /// tree rather than a `Dictionary`: it grows node by node, where a dictionary of a
    /// million participants stops every answer for half a second each time it doubles (the
    /// answer path waits for the count), and a copy shares its nodes.
    public private(set) var entries: TreeDictionary<String, Entry> = [:]
    /// Per option (choice kinds), per value from `min` (scale), or per first place (ranking),
    /// from individual answers only.
    public private(set) var answerCounts: [Int]
    /// `ranking`: the sum of rank positions (1 = first) per option.
    public private(set) var rankSums: [Int]
    /// `words`: how many respondents used each word (case-folded).
    public private(set) var wordCounts: [String: Int] = [:]
    /// Show-of-hands counts per option, if the facilitator typed any in.
    public private(set) var hands: [Int]?
    private var sequence = 0

    /// A participant's latest answer, and when it arrived as a running number (for ordering).
    public struct Entry: Sendable, Hashable {
        public var answer: Answer
        public var arrival: Int
    }

    public init(question: Question) {
        self.question = question
        let slots = question.kind == .scale ? question.scaleRange.count : question.options.count
        answerCounts = Array(repeating: 0, count: slots)
        rankSums = Array(repeating: 0, count: question.kind == .ranking ? question.options.count : 0)
    }

    /// `participant`'s latest answer, if they answered.
    public func answer(of participant: String) -> Answer? {
        entries[participant]?.answer
    }

    /// The latest answer per participant token, as a new dictionary built from `entries` on
    /// each call (for comparing tallies; look single answers up with `answer(of:)`).
    public func answersByParticipant() -> [String: Answer] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value.answer) })
    }

    /// The latest answers with their participants, oldest first.
    public var inArrivalOrder: [(participant: String, answer: Answer)] {
        entries.sorted { $0.value.arrival < $1.value.arrival }.map { ($0.key, $0.value.answer) }
    }

    /// Individual respondents plus, for choice kinds, the people counted by show of hands.
    public var respondents: Int { entries.count + (hands?.reduce(0, +) ?? 0) }

    /// Counts per slot including show-of-hands counts.
    public var counts: [Int] {
        guard let hands else { return answerCounts }
        return zip(answerCounts, hands).map { $0 + $1 }
    }

    /// Counts `answer` as `participant`'s latest. `arrival` places it in arrival order when
    /// answers are counted out of order (a store's row id); by default it comes last.
    public mutating func record(participant: String, answer: Answer, arrival position: Int? = nil) {
        sequence = max(sequence + 1, position ?? 0)
        if let old = entries.updateValue(Entry(answer: answer, arrival: position ?? sequence), forKey: participant) {
            apply(old.answer, sign: -1)
        }
        apply(answer, sign: 1)
    }

    /// Adds `other`'s answers: another slice of the same question's answers, from other
    /// participants (a participant's current answer is in one slice only).
    mutating func add(_ other: QuestionTally) {
        entries.merge(other.entries) { _, theirs in theirs }
        for i in answerCounts.indices { answerCounts[i] += other.answerCounts[i] }
        for i in rankSums.indices { rankSums[i] += other.rankSums[i] }
        wordCounts.merge(other.wordCounts, uniquingKeysWith: +)
        sequence = max(sequence, other.sequence)
    }

    /// `text`: the latest answers, oldest first.
    public var texts: [String] {
        inArrivalOrder.compactMap {
            if case .text(let text) = $0.answer { return text }
            return nil
        }
    }

    /// Replaces the show-of-hands counts (one per option).
    public mutating func setHands(_ counts: [Int]?) {
        hands = counts
    }

    private mutating func apply(_ answer: Answer, sign: Int) {
        switch answer {
        case .choice(let i): answerCounts[i] += sign
        case .choices(let picked): for i in picked { answerCounts[i] += sign }
        case .number(let value): answerCounts[value - question.scaleRange.lowerBound] += sign
        case .order(let order):
            if let first = order.first { answerCounts[first] += sign }
            for (position, option) in order.enumerated() { rankSums[option] += sign * (position + 1) }
        case .words(let words):
            for word in Set(words.map { $0.lowercased() }) {
                wordCounts[word, default: 0] += sign
                if wordCounts[word] == 0 { wordCounts[word] = nil }
            }
        case .text: break
        }
    }
}
