/// Live tallies of a session: one `QuestionTally` per round and question.
public struct Tally: Sendable, Hashable {
    public let definition: PollDefinition
    private var tallies: [Key: QuestionTally] = [:]

    struct Key: Hashable, Sendable {
        var round: String
        var question: String
    }

    public init(definition: PollDefinition) {
        self.definition = definition
        for round in definition.rounds {
            for question in definition.questions(in: round) {
                tallies[Key(round: round, question: question.id)] = QuestionTally(question: question)
            }
        }
    }

    public init(definition: PollDefinition, responses: [Response], hands: [HandCount] = []) {
        self.init(definition: definition)
        // Room for everyone up front: a large session's dictionaries never grow step by step.
        var sizes: [Key: Int] = [:]
        for response in responses { sizes[Key(round: response.round, question: response.question), default: 0] += 1 }
        for (key, size) in sizes { tallies[key]?.reserveCapacity(size) }
        for response in responses { record(response) }
        for count in hands { setHands(count) }
    }

    public mutating func record(_ response: Response) {
        record(participant: response.participant, round: response.round, question: response.question, answer: response.answer)
    }

    /// Counts one answer; `arrival` places it in arrival order when answers are counted out
    /// of order (by default it comes after every answer counted so far).
    public mutating func record(participant: String, round: String, question: String, answer: Answer, arrival: Int? = nil) {
        tallies[Key(round: round, question: question)]?.record(participant: participant, answer: answer, arrival: arrival)
    }

    /// Adds the answers counted in `other`, a tally of other answers (another slice of the
    /// same session's rows).
    public mutating func add(_ other: Tally) {
        for (key, part) in other.tallies { tallies[key]?.add(part) }
    }

    public mutating func setHands(_ count: HandCount) {
        tallies[Key(round: count.round, question: count.question)]?.setHands(count.counts)
    }

    public func tally(round: String, question: String) -> QuestionTally? {
        tallies[Key(round: round, question: question)]
    }

    /// The same tallies with only `participants`' answers (in their arrival order) and no
    /// show-of-hands counts: for breaking a session down by segment.
    public func restricted(to participants: Set<String>) -> Tally {
        var part = Tally(definition: definition)
        for (key, tally) in tallies {
            let kept = tally.latest.filter { participants.contains($0.key) }
                .sorted { tally.arrival[$0.key, default: 0] < tally.arrival[$1.key, default: 0] }
            for (participant, answer) in kept {
                part.tallies[key]?.record(participant: participant, answer: answer)
            }
        }
        return part
    }

    /// Distinct participants who answered at least one question in `round` (hands not included).
    public func participants(in round: String) -> Set<String> {
        var people: Set<String> = []
        for (key, tally) in tallies where key.round == round { people.formUnion(tally.latest.keys) }
        return people
    }
}
