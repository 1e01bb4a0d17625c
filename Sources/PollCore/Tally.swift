import HashTreeCollections

/// Live tallies of a session: one `QuestionTally` per round and question.
public struct Tally: Sendable, Hashable {
    public private(set) var definition: PollDefinition
    /// Every (round, question) the poll asks, in poll order, and its tally at the same index.
    /// A session has a few dozen of them: finding one by comparing short strings is cheaper
    /// than hashing them, and this runs once per answer.
    private let keys: [Key]
    private var tallies: [QuestionTally]

    struct Key: Hashable, Sendable {
        var round: String
        var question: String
    }

    public init(definition: PollDefinition) {
        self.definition = definition
        var keys: [Key] = [], tallies: [QuestionTally] = []
        for round in definition.rounds {
            for question in definition.questions(in: round) {
                keys.append(Key(round: round, question: question.id))
                tallies.append(QuestionTally(question: question))
            }
        }
        self.keys = keys
        self.tallies = tallies
    }

    /// An empty tally for a report's read of a whole session: participants are numbered by
    /// their store row id within `participantNumbers` and recorded with `record(number:…)`.
    public init(definition: PollDefinition, participantNumbers: ClosedRange<Int>) {
        self.init(definition: definition)
        tallies = tallies.map { QuestionTally(question: $0.question, participantNumbers: participantNumbers) }
    }

    /// The same counts with the poll's text in `language` (one of its languages): answers are
    /// counted by option, so only the words change.
    public func translated(to language: String) -> Tally {
        let shown = definition.translated(to: language)
        guard shown.language != definition.language else { return self }
        var copy = self
        copy.definition = shown
        for index in copy.tallies.indices {
            if let question = shown.question(copy.keys[index].question) { copy.tallies[index].question = question }
        }
        return copy
    }

    public init(definition: PollDefinition, responses: [Response], hands: [HandCount] = []) {
        self.init(definition: definition)
        for response in responses { record(response) }
        for count in hands { setHands(count) }
    }

    /// Where the tally of `question` in `round` is, if the poll asks it there.
    public func index(round: String, question: String) -> Int? {
        keys.firstIndex { $0.question == question && $0.round == round }
    }

    public mutating func record(_ response: Response) {
        record(participant: response.participant, round: response.round, question: response.question, answer: response.answer)
    }

    /// Counts one answer; `arrival` places it in arrival order when answers are counted out
    /// of order (by default it comes after every answer counted so far).
    public mutating func record(participant: String, round: String, question: String, answer: Answer, arrival: Int? = nil) {
        guard let i = index(round: round, question: question) else { return }
        record(participant: participant, at: i, answer: answer, arrival: arrival)
    }

    /// Counts one answer into the tally at `index` (see `index(round:question:)`).
    public mutating func record(participant: String, at index: Int, answer: Answer, arrival: Int? = nil) {
        tallies[index].record(participant: participant, answer: answer, arrival: arrival)
    }

    /// Counts one answer of the participant numbered `number` into the tally at `index` (a
    /// report's read, see `init(definition:participantNumbers:)`).
    public mutating func record(number: Int, at index: Int, answer: Answer, arrival: Int? = nil) {
        tallies[index].record(number: number, answer: answer, arrival: arrival)
    }

    /// Adds the answers counted in `other`, a tally of other answers (another slice of the
    /// same session's rows).
    public mutating func add(_ other: Tally) {
        for i in tallies.indices { tallies[i].add(other.tallies[i]) }
    }

    public mutating func setHands(_ count: HandCount) {
        guard let i = index(round: count.round, question: count.question) else { return }
        tallies[i].setHands(count.counts)
    }

    public func tally(round: String, question: String) -> QuestionTally? {
        index(round: round, question: question).map { tallies[$0] }
    }

    /// The same tallies with only `participants`' answers (in their arrival order) and no
    /// show-of-hands counts: for breaking a session down by segment.
    public func restricted(to participants: Set<String>) -> Tally {
        var part = Tally(definition: definition)
        if let numbers = sharedNumbers {
            // A report's read: the members picked out by number, without a hash per answer.
            var kept = Array(repeating: false, count: numbers.count)
            for participant in participants {
                if let number = Int(participant), numbers.contains(number) { kept[number - numbers.lowerBound] = true }
            }
            part.tallies = tallies.map { $0.keeping(kept) }
            return part
        }
        for (i, tally) in tallies.enumerated() {
            for (participant, entry) in tally.entries where participants.contains(participant) {
                part.tallies[i].record(participant: participant, answer: entry.answer, arrival: entry.arrival)
            }
        }
        return part
    }

    /// Distinct participants who answered at least one question in `round` (hands not included).
    /// A union of the tallies' hash trees, which reuses their structure instead of hashing every
    /// participant again.
    public func participants(in round: String) -> TreeSet<String> {
        var people: TreeSet<String> = []
        for (key, tally) in zip(keys, tallies) where key.round == round { people = people.union(tally.entries.keys) }
        return people
    }

    /// How many distinct participants answered at least one question in every one of `rounds`
    /// (one round: who answered in it; two: who answered in both). Hands not included.
    public func participantCount(inEvery rounds: [String]) -> Int {
        guard !rounds.isEmpty else { return 0 }
        guard let numbers = sharedNumbers else {
            guard let people = rounds.map(participants(in:)).reduce(nil, { ($0 ?? $1).intersection($1) }) else { return 0 }
            return people.count
        }
        // A report's read: participants by number, without hashing.
        var everywhere = Array(repeating: true, count: numbers.count)
        for round in rounds {
            var here = Array(repeating: false, count: numbers.count)
            for (key, tally) in zip(keys, tallies) where key.round == round { tally.mark(&here) }
            for i in everywhere.indices { everywhere[i] = everywhere[i] && here[i] }
        }
        return everywhere.lazy.filter { $0 }.count
    }

    /// The numbers every tally was made for, when this is a report's read (and none of its
    /// tallies had to move to a hash tree).
    var sharedNumbers: ClosedRange<Int>? {
        guard let numbers = tallies.first?.numbers, tallies.allSatisfy({ $0.numbers == numbers }) else { return nil }
        return numbers
    }
}
