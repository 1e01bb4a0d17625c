import Foundation

/// A seeded simulated audience for the demo and tests: each simulated participant has a
/// leaning that drifts toward agreement between the first and last round, some join only one
/// round, and a few skip questions. Option 0 of a single or multi question and the top of a
/// likert or scale count as "agreeing". Knowledge questions are answered right with a chance
/// that grows with what the member knew and what they learn by the last round.
public struct SimulatedAudience: Sendable {
    public struct Member: Sendable, Hashable {
        public var token: String
        /// 0 (disagree) … 1 (agree) in the first round.
        public var leaning: Double
        /// How far the leaning moves by the last round.
        public var drift: Double
        /// Indexes into the poll's rounds that this member attends.
        public var attends: Set<Int>
        /// The member's fixed answer to each segment question (option index).
        public var segments: [String: Int]
        /// The chance of answering a knowledge question right in the first round, and how much
        /// it grows by the last.
        public var knows: Double = 0
        public var learns: Double = 0
    }

    public let definition: PollDefinition
    public let members: [Member]
    let seed: UInt64

    static let wordPool = ["privacy", "trust", "security", "rights", "surveillance", "safety", "freedom",
                           "control", "dignity", "exclusion", "inclusion", "risk", "access", "power"]
    static let textPool = ["More evidence from affected communities, please.",
                           "The discussion changed how I see the trade-offs.",
                           "Governments need clearer safeguards.",
                           "Technical and legal people should talk more often.",
                           "I still have doubts about enforcement."]

    /// `size` members; `seed` fixes everything they do.
    public init(definition: PollDefinition, size: Int, seed: UInt64) {
        self.definition = definition
        self.seed = seed
        var rng = SeededGenerator(seed: seed)
        // Knowledge comes from a generator of its own, so polls without it answer as before.
        var knowledge = SeededGenerator(seed: seed ^ 0x4B4E_4F57_4C45_4447)
        let last = definition.rounds.count - 1
        members = (0..<size).map { _ in
            let token = ParticipantToken.make(using: &rng)
            let leaning = Double.random(in: 0.15...0.75, using: &rng)
            let drift = Double.random(in: -0.05...0.35, using: &rng)
            let roll = Double.random(in: 0..<1, using: &rng)
            let attends: Set<Int> = roll < 0.1 ? [0] : roll < 0.2 ? [last] : Set(0...last)
            var segments: [String: Int] = [:]
            for question in definition.questions where question.segment {
                segments[question.id] = Int.random(in: 0..<question.options.count, using: &rng)
            }
            return Member(token: token, leaning: leaning, drift: drift, attends: attends, segments: segments,
                          knows: Double.random(in: 0.05...0.8, using: &knowledge), learns: Double.random(in: -0.05...0.45, using: &knowledge))
        }
    }

    /// Everything the audience answers in `round`, in a plausible arrival order.
    public func submissions(round: String, channel: Channel = .web, at date: Date) -> [Submission] {
        guard let index = definition.rounds.firstIndex(of: round) else { return [] }
        let progress = definition.rounds.count > 1 ? Double(index) / Double(definition.rounds.count - 1) : 0
        var rng = SeededGenerator(seed: seed &+ UInt64(index + 1) &* 0x1000_0000_01B3)
        var result: [Submission] = []
        let languages = definition.allLanguages
        for (number, member) in members.enumerated() where member.attends.contains(index) {
            // A translated poll's audience answers in its languages: about half in the main one,
            // the rest spread over the others (by the member's place, so no answer changes).
            let language: String? = languages.count < 2 ? nil
                : number % 2 == 0 ? languages[0] : languages[1 + (number / 2) % (languages.count - 1)]
            let leaning = min(max(member.leaning + member.drift * progress, 0), 1)
            for question in definition.questions(in: round) {
                let answer: Answer
                if let segment = member.segments[question.id] {
                    answer = .choice(segment)
                } else if let correct = question.correct {
                    guard Double.random(in: 0..<1, using: &rng) < 0.95 else { continue }
                    // Some questions are harder than others: the chance moves by ±0.15 with the question.
                    let difficulty = 0.15 * Double(question.id.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 3 - 1)
                    let chance = member.knows + member.learns * progress - difficulty
                    answer = Self.knowledgeAnswer(to: question, correct: correct,
                                                  right: Double.random(in: 0..<1, using: &rng) < chance, using: &rng)
                } else {
                    guard Double.random(in: 0..<1, using: &rng) < 0.95 else { continue }
                    answer = Self.answer(to: question, leaning: leaning, progress: progress, using: &rng)
                }
                result.append(Submission(participant: member.token, question: question.id, round: round,
                                         answer: .value(answer), channel: channel, receivedAt: date, language: language))
            }
        }
        return result
    }

    /// The right answer, or a wrong one: another option, or for `multi` the right set with one
    /// option too many or too few.
    static func knowledgeAnswer(to question: Question, correct: [Int], right: Bool, using rng: inout SeededGenerator) -> Answer {
        let count = question.options.count
        if question.kind == .multi {
            guard !right else { return .choices(correct) }
            var picked = Set(correct)
            let toggled = Int.random(in: 0..<count, using: &rng)
            if picked.contains(toggled) { picked.remove(toggled) } else { picked.insert(toggled) }
            if picked.count > question.maxChoices { picked.remove(correct[0]) }
            if picked.isEmpty || picked == Set(correct) { picked = [(0..<count).first { !correct.contains($0) } ?? 0] }
            return .choices(picked.sorted())
        }
        guard !right, count > 1 else { return .choice(correct[0]) }
        let wrong = (0..<count).filter { $0 != correct[0] }
        return .choice(wrong[Int.random(in: 0..<wrong.count, using: &rng)])
    }

    static func answer(to question: Question, leaning: Double, progress: Double, using rng: inout SeededGenerator) -> Answer {
        let noisy = min(max(leaning + Double.random(in: -0.2...0.2, using: &rng), 0), 0.999)
        let count = question.options.count
        switch question.kind {
        case .single:
            if Double.random(in: 0..<1, using: &rng) < noisy { return .choice(0) }
            return .choice(Int.random(in: 1..<count, using: &rng))
        case .likert:
            return .choice(Int(noisy * Double(count)))
        case .scale:
            let range = question.scaleRange
            return .number(range.lowerBound + Int((noisy * Double(range.count)).rounded(.down)))
        case .multi:
            var picked = (0..<count).filter { i in
                Double.random(in: 0..<1, using: &rng) < (i == 0 ? noisy : 0.35)
            }
            if picked.isEmpty { picked = [Int.random(in: 0..<count, using: &rng)] }
            return .choices(Array(picked.prefix(question.maxChoices)))
        case .ranking:
            // The last option climbs as the session goes on.
            let scores = (0..<count).map { i in
                Double(i) + Double.random(in: -1.5...1.5, using: &rng) - (i == count - 1 ? progress * Double(count) * 0.6 : 0)
            }
            return .order((0..<count).sorted { scores[$0] < scores[$1] })
        case .words:
            let n = Int.random(in: 1...Question.maxWords, using: &rng)
            var words: [String] = []
            while words.count < n {
                let pool = wordPool.count
                let shifted = Int(Double(pool) * progress * 0.4)
                let word = wordPool[(Int.random(in: 0..<(pool - 4), using: &rng) + shifted) % pool]
                if !words.contains(word) { words.append(word) }
            }
            return .words(words)
        case .text:
            return .text(textPool[Int.random(in: 0..<textPool.count, using: &rng)])
        }
    }
}
