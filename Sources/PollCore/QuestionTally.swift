import HashTreeCollections

/// The live count of one question in one round, updated answer by answer.
///
/// Only each participant's latest answer counts; recording a new one takes the old one's
/// contribution out first. Show-of-hands counts are added on top and are never paired.
///
/// Participants' answers are kept one of two ways, behind the same interface. Live (answers
/// arrive one by one, keyed by token): a hash tree, which grows node by node where a
/// dictionary of a million participants stops every answer for half a second each time it
/// doubles (the answer path waits for the count), and whose copies share their nodes. Read
/// whole for a report (`Tally(definition:participantNumbers:)`, participants keyed by their
/// store row id): an array indexed by row id, which counts and pairs a million answers
/// without hashing — a third of a report's time went into the hash trees.
public struct QuestionTally: Sendable, Hashable {
    public internal(set) var question: Question
    /// Live: each participant's latest answer and when it arrived, by participant token.
    private var tree: TreeDictionary<String, Entry> = [:]
    /// Read for a report: the entry of the participant numbered `base + i` at `i`.
    private var slots: [Entry?] = []
    private var base: Int?
    /// Participants with an entry in `slots`.
    private var slotCount = 0
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

    /// An empty tally for a report's read: participants are the numbers of `participants`
    /// (store row ids), keyed as their decimal text.
    public init(question: Question, participantNumbers participants: ClosedRange<Int>) {
        self.init(question: question)
        base = participants.lowerBound
        slots = Array(repeating: nil, count: participants.count)
    }

    /// Each participant's latest answer and when it arrived, by participant key. Built anew on
    /// each call for a report's tally: iterate `answers` or look up with `answer(of:)` where
    /// keys are not needed.
    public var entries: TreeDictionary<String, Entry> {
        guard let base else { return tree }
        var built: TreeDictionary<String, Entry> = [:]
        for (i, entry) in slots.enumerated() { if let entry { built[String(base + i)] = entry } }
        return built
    }

    /// How many participants answered (show of hands not included).
    public var count: Int { base == nil ? tree.count : slotCount }

    /// The latest answers, in no particular order.
    public var answers: [Answer] {
        base == nil ? tree.values.map(\.answer) : slots.compactMap { $0?.answer }
    }

    /// Whether some latest answer satisfies `predicate` (stops at the first that does).
    public func containsAnswer(where predicate: (Answer) throws -> Bool) rethrows -> Bool {
        guard base != nil else { return try tree.values.contains { try predicate($0.answer) } }
        return try slots.contains { entry in try entry.map { try predicate($0.answer) } ?? false }
    }

    /// `participant`'s latest answer, if they answered.
    public func answer(of participant: String) -> Answer? {
        guard base != nil else { return tree[participant]?.answer }
        return Int(participant).flatMap(slot(of:)).flatMap { slots[$0]?.answer }
    }

    /// The numbers a report's tally was made for (nil: a live tally, keyed by token).
    public var numbers: ClosedRange<Int>? {
        base.map { $0...($0 + slots.count - 1) }
    }

    /// Where the participant numbered `number` is in `slots`, if within the numbers.
    private func slot(of number: Int) -> Int? {
        guard let base, let numbers, numbers.contains(number) else { return nil }
        return number - base
    }

    /// The latest answer per participant token, as a new dictionary built from `entries` on
    /// each call (for comparing tallies; look single answers up with `answer(of:)`).
    public func answersByParticipant() -> [String: Answer] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value.answer) })
    }

    /// The latest answers with their participants, oldest first.
    public var inArrivalOrder: [(participant: String, answer: Answer)] {
        guard let base else { return tree.sorted { $0.value.arrival < $1.value.arrival }.map { ($0.key, $0.value.answer) } }
        return slots.indices.filter { slots[$0] != nil }.sorted { slots[$0]!.arrival < slots[$1]!.arrival }
            .map { (String(base + $0), slots[$0]!.answer) }
    }

    /// The latest answers, oldest first.
    public var answersInArrivalOrder: [Answer] {
        guard base != nil else { return tree.values.sorted { $0.arrival < $1.arrival }.map(\.answer) }
        return slots.compactMap { $0 }.sorted { $0.arrival < $1.arrival }.map(\.answer)
    }

    /// (this round's answer, `later`'s answer) of each participant who gave both, in the order
    /// this round's answers arrived (so that results never depend on a hash order).
    public func pairs(with later: QuestionTally) -> [(before: Answer, after: Answer)] {
        if let base, later.base == base, later.slots.count == slots.count {
            var both: [(arrival: Int, before: Answer, after: Answer)] = []
            both.reserveCapacity(min(slotCount, later.slotCount))
            for i in slots.indices {
                if let before = slots[i], let after = later.slots[i] { both.append((before.arrival, before.answer, after.answer)) }
            }
            return both.sorted { $0.arrival < $1.arrival }.map { ($0.before, $0.after) }
        }
        return inArrivalOrder.compactMap { participant, before in later.answer(of: participant).map { (before, $0) } }
    }

    /// A report's tally with only the participants whose `kept` is true (by number from the
    /// start of `numbers`), their arrivals kept, and no show-of-hands counts. A group is a part
    /// of the room: its answers go in a hash tree, which holds only its members.
    func keeping(_ kept: [Bool]) -> QuestionTally {
        var part = QuestionTally(question: question)
        guard let base else { return part }
        for i in slots.indices where kept[i] {
            if let entry = slots[i] { part.record(participant: String(base + i), answer: entry.answer, arrival: entry.arrival) }
        }
        return part
    }

    /// Marks in `answered` (by number from the start of `numbers`) who answered here.
    func mark(_ answered: inout [Bool]) {
        for i in slots.indices where slots[i] != nil { answered[i] = true }
    }

    /// Individual respondents plus, for choice kinds, the people counted by show of hands.
    public var respondents: Int { count + (hands?.reduce(0, +) ?? 0) }

    /// Counts per slot including show-of-hands counts.
    public var counts: [Int] {
        guard let hands else { return answerCounts }
        return zip(answerCounts, hands).map { $0 + $1 }
    }

    /// Counts `answer` as `participant`'s latest. `arrival` places it in arrival order when
    /// answers are counted out of order (a store's row id); by default it comes last.
    public mutating func record(participant: String, answer: Answer, arrival position: Int? = nil) {
        if base != nil {
            guard let number = Int(participant), slot(of: number) != nil else {
                keepInTree()
                return record(participant: participant, answer: answer, arrival: position)
            }
            return record(number: number, answer: answer, arrival: position)
        }
        sequence = max(sequence + 1, position ?? 0)
        if let old = tree.updateValue(Entry(answer: answer, arrival: position ?? sequence), forKey: participant) {
            apply(old.answer, sign: -1)
        }
        apply(answer, sign: 1)
    }

    /// Counts `answer` as the latest of the participant numbered `number` (a report's read:
    /// within the numbers the tally was made for).
    public mutating func record(number: Int, answer: Answer, arrival position: Int? = nil) {
        guard let i = slot(of: number) else {
            if base != nil { keepInTree() }
            return record(participant: String(number), answer: answer, arrival: position)
        }
        sequence = max(sequence + 1, position ?? 0)
        if let old = slots[i] { apply(old.answer, sign: -1) } else { slotCount += 1 }
        slots[i] = Entry(answer: answer, arrival: position ?? sequence)
        apply(answer, sign: 1)
    }

    /// Moves a report's entries into the hash tree (a participant outside its numbers came).
    private mutating func keepInTree() {
        tree = entries
        base = nil
        slots = []
        slotCount = 0
    }

    /// Adds `other`'s answers: another slice of the same question's answers, from other
    /// participants (a participant's current answer is in one slice only).
    mutating func add(_ other: QuestionTally) {
        if let base, other.base == base, other.slots.count == slots.count {
            for i in other.slots.indices where other.slots[i] != nil {
                if slots[i] == nil { slotCount += 1 }
                slots[i] = other.slots[i]
            }
        } else {
            if base != nil { keepInTree() }
            tree.merge(other.entries) { _, theirs in theirs }
        }
        for i in answerCounts.indices { answerCounts[i] += other.answerCounts[i] }
        for i in rankSums.indices { rankSums[i] += other.rankSums[i] }
        wordCounts.merge(other.wordCounts, uniquingKeysWith: +)
        sequence = max(sequence, other.sequence)
    }

    /// `text`: the latest answers, oldest first.
    public var texts: [String] {
        answersInArrivalOrder.compactMap {
            if case .text(let text) = $0 { return text }
            return nil
        }
    }

    /// The same answers, however they are kept (a report's read equals the live count). The
    /// running number given to answers recorded without an arrival is not compared.
    public static func == (a: QuestionTally, b: QuestionTally) -> Bool {
        a.question == b.question && a.answerCounts == b.answerCounts && a.rankSums == b.rankSums && a.wordCounts == b.wordCounts
            && a.hands == b.hands && a.count == b.count && a.entries == b.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(question)
        hasher.combine(answerCounts)
        hasher.combine(rankSums)
        hasher.combine(hands)
        hasher.combine(count)
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
